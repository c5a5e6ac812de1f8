namespace Helpdesk.Standalone.Hosting;

/// <summary>Events of the standalone host an operator searches for (event ids 7000–7099).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 7001, EventName = "ScheduledJobFailed", Level = LogLevel.Error,
        Message = "Scheduled job {Job} failed; it runs again at its next occurrence.")]
    public static partial void ScheduledJobFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 7002, EventName = "DevelopmentApiKey", Level = LogLevel.Warning,
        Message = "Development: no Helpdesk:ApiKey set, so technicians use the local key kept in {Path}.")]
    public static partial void DevelopmentApiKey(ILogger logger, string path);
}
