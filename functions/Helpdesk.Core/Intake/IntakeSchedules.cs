namespace Helpdesk.Core.Intake;

/// <summary>Timer-trigger schedules of intake (NCrontab, 6 fields with seconds, as the Functions timer trigger reads them).</summary>
public static class IntakeSchedules
{
    /// <summary>The job's name in both hosts (the Functions function name, the standalone cron job's name).</summary>
    public const string AttachmentSweepName = "IntakeAttachmentSweep";

    /// <summary>Daily removal of orphan attachment blobs (<see cref="AttachmentSweeper"/>) at 03:30 (host time zone, UTC by default).</summary>
    public const string AttachmentSweep = "0 30 3 * * *";
}
