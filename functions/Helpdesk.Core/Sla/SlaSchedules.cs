namespace Helpdesk.Core.Sla;

/// <summary>Timer-trigger schedules of the SLA feature (NCrontab, 6 fields with seconds, as the Functions timer trigger reads them).</summary>
public static class SlaSchedules
{
    /// <summary>The job's name in both hosts (the Functions function name, the standalone cron job's name).</summary>
    public const string ReconcileName = "SlaReconcile";

    /// <summary>Daily SLA self-healing (<see cref="SlaReconciler"/>) at 03:00 (host time zone, UTC by default).</summary>
    public const string Reconcile = "0 0 3 * * *";
}
