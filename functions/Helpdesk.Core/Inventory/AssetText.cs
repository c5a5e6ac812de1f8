using System.Globalization;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Inventory;

/// <summary>An asset's scalar fields as the text <see cref="AssetReader"/> reads back: the CSV export and the import's merge use it.</summary>
public static class AssetText
{
    public static Dictionary<string, string?> Fields(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssetFields.Tag] = asset.Tag,
            [AssetFields.Type] = WireName.Of(asset.Type),
            [AssetFields.Name] = asset.Name,
            [AssetFields.Owner] = asset.Owner,
            [AssetFields.Site] = asset.Site,
            [AssetFields.Manufacturer] = asset.Manufacturer,
            [AssetFields.Model] = asset.Model,
            [AssetFields.SerialNumber] = asset.SerialNumber,
            [AssetFields.Os] = asset.Os,
            [AssetFields.OsVersion] = asset.OsVersion,
            [AssetFields.PurchaseDate] = asset.PurchaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [AssetFields.WarrantyEnd] = asset.WarrantyEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [AssetFields.Criticality] = WireName.Of(asset.Criticality),
            [AssetFields.BackupEvery] = asset.BackupEvery?.ToString(CultureInfo.InvariantCulture),
            [AssetFields.LastBackupAt] = asset.LastBackupAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [AssetFields.LastPatchAt] = asset.LastPatchAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [AssetFields.Provider] = asset.Provider,
            [AssetFields.Status] = WireName.Of(asset.Status),
            [AssetFields.Notes] = asset.Notes,
            [AssetFields.Configuration] = asset.Configuration,
        };
    }

    /// <summary>Same content, whatever the time of the last change: what makes an import line "unchanged".</summary>
    public static bool SameContent(Asset a, Asset b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return System.Text.Json.JsonSerializer.Serialize(a with { UpdatedAt = null }, HelpdeskJson.Options)
            == System.Text.Json.JsonSerializer.Serialize(b with { UpdatedAt = null }, HelpdeskJson.Options);
    }
}
