namespace Helpdesk.Core.Inventory;

/// <summary>
/// The inventory's routes. All are technicians' routes except the heartbeats, which backup and update tools call with
/// their own key (<see cref="InventoryOptions.HeartbeatKey"/>). Both hosts bind these names; the parity test compares them.
/// </summary>
public static class InventoryRoutes
{
    public const string Assets = "assets";
    public const string Import = "assets/import";
    public const string Export = "assets/export";
    public const string Asset = "assets/{tag}";
    public const string Retire = "assets/{tag}/retire";
    public const string Log = "assets/{tag}/log";
    public const string BackupHeartbeat = "assets/{tag}/backup";
    public const string PatchHeartbeat = "assets/{tag}/patch";

    /// <summary>The header heartbeat callers put their key in.</summary>
    public const string HeartbeatKeyHeader = "x-heartbeat-key";
}
