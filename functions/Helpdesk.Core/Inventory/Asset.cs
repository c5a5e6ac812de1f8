namespace Helpdesk.Core.Inventory;

/// <summary>
/// One machine, device or licence the support looks after, as stored and as the API shows it (camelCase JSON, same
/// names as the CSV columns). <see cref="Tag"/> is unique and kept in upper case (<c>PC-042</c>).
/// <see cref="BackupEvery"/> is the expected backup interval in days.
/// </summary>
public sealed record Asset
{
    public required string Tag { get; init; }
    public required AssetType Type { get; init; }
    public required string Name { get; init; }
    public string? Owner { get; init; }
    public string? Site { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? SerialNumber { get; init; }
    public string? Os { get; init; }
    public string? OsVersion { get; init; }
    public DateOnly? PurchaseDate { get; init; }
    public DateOnly? WarrantyEnd { get; init; }
    public Criticality Criticality { get; init; } = Criticality.Medium;
    public int? BackupEvery { get; init; }
    public DateTimeOffset? LastBackupAt { get; init; }
    public DateTimeOffset? LastPatchAt { get; init; }
    public string? Provider { get; init; }
    public AssetStatus Status { get; init; } = AssetStatus.Active;
    public string? Notes { get; init; }

    /// <summary>Configuration notes: how it is set up, so that another technician can take over.</summary>
    public string? Configuration { get; init; }

    public IReadOnlyList<SecretReference> Secrets { get; init; } = [];
    public DateTimeOffset? UpdatedAt { get; init; }
}
