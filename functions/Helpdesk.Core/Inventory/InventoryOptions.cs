namespace Helpdesk.Core.Inventory;

/// <summary>Inventory settings (section <c>Helpdesk:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    public const string Section = "Helpdesk:Inventory";

    /// <summary>
    /// The key backup and update tools send in <c>x-heartbeat-key</c> to report a success (at least 32 characters;
    /// from Key Vault on Azure). Unset: the heartbeat routes answer 401 to everyone.
    /// </summary>
    public string? HeartbeatKey { get; set; }

    /// <summary>
    /// The key in force, or null (heartbeats refused): unset, blank, or a Key Vault reference that Azure could not
    /// resolve (the secret does not exist yet), which arrives as its literal, guessable text.
    /// </summary>
    public static string? EffectiveHeartbeatKey(string? configured)
    {
        var key = configured?.Trim();
        return string.IsNullOrEmpty(key) || key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ? null : key;
    }

    /// <summary>Largest CSV file the import reads (bytes).</summary>
    public long MaxImportBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most data lines one import reads.</summary>
    public int MaxImportRows { get; set; } = 20_000;
}
