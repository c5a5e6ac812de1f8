namespace Helpdesk.Core.Maintenance;

/// <summary>
/// A recurring maintenance plan: each occurrence of <see cref="Schedule"/> (NCrontab, 5 fields, tenant time zone) opens
/// one maintenance ticket per asset it covers — the asset <see cref="AssetTag"/>, or every active asset of
/// <see cref="AssetType"/>.
/// </summary>
public sealed class MaintenancePlanOptions
{
    /// <summary>Stable id (lower-case letters, digits, '-'): reminders are claimed under it, so renaming it starts over.</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>E.g. <c>0 8 * * 1</c> (Mondays 08:00), <c>0 8 1 1,4,7,10 *</c> (quarterly).</summary>
    public string Schedule { get; set; } = "";

    public string? AssetType { get; set; }

    public string? AssetTag { get; set; }
}
