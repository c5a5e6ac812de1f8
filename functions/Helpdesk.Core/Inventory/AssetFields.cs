namespace Helpdesk.Core.Inventory;

/// <summary>
/// The field names of an asset, the same in JSON, CSV columns, filters and error reports, and the rule that keeps
/// passwords out of the inventory: a field whose name looks like a credential is refused, whatever its value.
/// </summary>
public static class AssetFields
{
    public const string Tag = "tag";
    public const string Type = "type";
    public const string Name = "name";
    public const string Owner = "owner";
    public const string Site = "site";
    public const string Manufacturer = "manufacturer";
    public const string Model = "model";
    public const string SerialNumber = "serialNumber";
    public const string Os = "os";
    public const string OsVersion = "osVersion";
    public const string PurchaseDate = "purchaseDate";
    public const string WarrantyEnd = "warrantyEnd";
    public const string Criticality = "criticality";
    public const string BackupEvery = "backupEvery";
    public const string LastBackupAt = "lastBackupAt";
    public const string LastPatchAt = "lastPatchAt";
    public const string Provider = "provider";
    public const string Status = "status";
    public const string Notes = "notes";
    public const string Configuration = "configuration";
    public const string Secrets = "secrets";

    /// <summary>The scalar fields, in the order of the CSV export.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        Tag, Type, Name, Owner, Site, Manufacturer, Model, SerialNumber, Os, OsVersion, PurchaseDate, WarrantyEnd,
        Criticality, BackupEvery, LastBackupAt, LastPatchAt, Provider, Status, Notes, Configuration,
    ];

    private static readonly string[] s_credentialWords =
        ["password", "passwd", "passphrase", "pwd", "pin", "credential", "apikey", "api-key", "api_key", "token", "secretvalue", "mdp", "motdepasse", "mot-de-passe", "mot_de_passe"];

    /// <summary>
    /// True for names like <c>password</c>, <c>adminPwd</c>, <c>wifi_passphrase</c>, <c>motDePasse</c>, <c>pin</c>:
    /// the product never stores a credential; the caller keeps it in Key Vault and references its secret name.
    /// </summary>
    public static bool LooksLikeCredential(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        var name = fieldName.Trim().ToLowerInvariant();
        if (name is "pin" or "secret" or "key")
        {
            return true;
        }

        return s_credentialWords.Where(w => w != "pin").Any(w => name.Contains(w, StringComparison.Ordinal))
            || name.EndsWith("pin", StringComparison.Ordinal) && name.Length <= 8;
    }

    public const string CredentialError =
        "The inventory never stores passwords or other credentials: keep it in Key Vault and list its secret name under 'secrets'.";
}
