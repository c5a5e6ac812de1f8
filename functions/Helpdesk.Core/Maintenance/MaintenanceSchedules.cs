namespace Helpdesk.Core.Maintenance;

/// <summary>Timer-trigger schedule of maintenance (NCrontab, 6 fields with seconds, as the Functions timer trigger reads them).</summary>
public static class MaintenanceSchedules
{
    /// <summary>The job's name in both hosts (the Functions function name, the standalone cron job's name).</summary>
    public const string ScanName = "MaintenanceScan";

    /// <summary>
    /// Every hour at :15 (UTC). Reminders are once per asset, rule and threshold whatever the number of scans, so an
    /// hourly scan costs a few storage reads and sends nothing new; it retries a failed scan within the hour, and day
    /// thresholds are seen within the hour after midnight in the tenant's time zone.
    /// </summary>
    public const string Scan = "0 15 * * * *";
}
