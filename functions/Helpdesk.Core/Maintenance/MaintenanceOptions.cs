namespace Helpdesk.Core.Maintenance;

/// <summary>Maintenance reminders (section <c>Helpdesk:Maintenance</c>). Dates are read in the tenant's time zone (<c>Helpdesk:Sla:Calendar:TimeZone</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Helpdesk:Maintenance";

    /// <summary>Who gets the digest and is the requester of maintenance tickets: the tenant's IT contact. Default: the support address.</summary>
    public string? ItContact { get; set; }

    public string ItContactName { get; set; } = "IT";

    /// <summary><c>fr</c> or <c>en</c>: the digest's and maintenance tickets' language.</summary>
    public string Language { get; set; } = "fr";

    /// <summary>An update older than this many days is a finding (for assets whose update tool reports heartbeats).</summary>
    public int PatchMaxAgeDays { get; set; } = 35;

    /// <summary>Slack after an asset's backup interval before its backup counts as stale (a nightly backup that runs late).</summary>
    public int BackupGraceHours { get; set; } = 12;

    /// <summary>Most maintenance tickets one scan opens; the rest wait (claimed, unticketed) for the next scan.</summary>
    public int MaxTicketsPerScan { get; set; } = 200;

    /// <summary>
    /// Tenant overrides of the lifecycle catalog: entry id → end-of-support date (<c>yyyy-MM-dd</c>), e.g.
    /// <c>windows-10 = 2026-10-13</c> for a company that bought Extended Security Updates.
    /// </summary>
    public Dictionary<string, string> OsEndOfSupport { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recurring maintenance plans ("check the weekend backup every Monday").</summary>
    public List<MaintenancePlanOptions> Plans { get; } = [];
}
