using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Inventory;

/// <summary>The inventory's events an operator searches for (event ids 11000–11099).</summary>
internal static partial class InventoryLog
{
    [LoggerMessage(EventId = 11001, EventName = "AssetCreated", Level = LogLevel.Information, Message = "Asset {Tag} created by {Actor}.")]
    public static partial void AssetCreated(ILogger logger, string tag, string actor);

    [LoggerMessage(EventId = 11002, EventName = "AssetUpdated", Level = LogLevel.Information, Message = "Asset {Tag} updated by {Actor}.")]
    public static partial void AssetUpdated(ILogger logger, string tag, string actor);

    [LoggerMessage(EventId = 11003, EventName = "AssetRetired", Level = LogLevel.Information, Message = "Asset {Tag} retired by {Actor}.")]
    public static partial void AssetRetired(ILogger logger, string tag, string actor);

    [LoggerMessage(EventId = 11010, EventName = "AssetImport", Level = LogLevel.Information,
        Message = "Asset import (dry run {DryRun}): {Rows} lines, {Created} new, {Updated} changed, {Unchanged} unchanged, {Invalid} invalid, {Conflicts} conflicts, in {Milliseconds} ms.")]
    public static partial void Imported(ILogger logger, bool dryRun, int rows, int created, int updated, int unchanged, int invalid, int conflicts, long milliseconds);

    [LoggerMessage(EventId = 11020, EventName = "HeartbeatRecorded", Level = LogLevel.Information, Message = "{Kind} heartbeat of asset {Tag} at {At:O}.")]
    public static partial void HeartbeatRecorded(ILogger logger, string kind, string tag, DateTimeOffset at);

    [LoggerMessage(EventId = 11021, EventName = "HeartbeatRefused", Level = LogLevel.Warning, Message = "{Kind} heartbeat for asset {Tag} refused: wrong or missing key.")]
    public static partial void HeartbeatRefused(ILogger logger, string kind, string tag);

    [LoggerMessage(EventId = 11030, EventName = "TicketLinkedToAsset", Level = LogLevel.Information, Message = "Ticket {Number} linked to asset {Tag}.")]
    public static partial void TicketLinked(ILogger logger, int number, string tag);

    [LoggerMessage(EventId = 11031, EventName = "TicketAssetUnknown", Level = LogLevel.Information, Message = "Ticket {Number} names asset tag '{Tag}', which is not in the inventory: kept as text.")]
    public static partial void TicketAssetUnknown(ILogger logger, int number, string tag);
}
