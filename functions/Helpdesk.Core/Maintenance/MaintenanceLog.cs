using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Maintenance;

/// <summary>Maintenance events an operator searches for (event ids 11100–11199).</summary>
internal static partial class MaintenanceLog
{
    [LoggerMessage(EventId = 11101, EventName = "MaintenanceScanDone", Level = LogLevel.Information,
        Message = "Maintenance scan {RunId}: {Assets} assets, {Findings} findings, {New} new reminders, {Tickets} tickets, {Mails} mails, in {Milliseconds} ms.")]
    public static partial void ScanDone(ILogger logger, string runId, int assets, int findings, int @new, int tickets, int mails, long milliseconds);

    [LoggerMessage(EventId = 11102, EventName = "MaintenanceRunsMissed", Level = LogLevel.Warning,
        Message = "Maintenance scan {RunId}: {Missed} scheduled scans did not run since the previous one ({Previous:O}).")]
    public static partial void RunsMissed(ILogger logger, string runId, int missed, DateTimeOffset previous);

    [LoggerMessage(EventId = 11103, EventName = "MaintenanceRunInterrupted", Level = LogLevel.Warning,
        Message = "Maintenance scan {PreviousId} (started {StartedAt:O}) never finished; this scan completes its work.")]
    public static partial void PreviousInterrupted(ILogger logger, string previousId, DateTimeOffset startedAt);

    [LoggerMessage(EventId = 11104, EventName = "MaintenanceTicketOpened", Level = LogLevel.Information,
        Message = "Maintenance reminder {Key}: ticket {Number}.")]
    public static partial void TicketOpened(ILogger logger, string key, int number);

    [LoggerMessage(EventId = 11105, EventName = "MaintenanceTicketsDeferred", Level = LogLevel.Warning,
        Message = "Maintenance scan {RunId}: {Pending} reminders wait for a ticket (at most {Max} tickets per scan); the next scans open them.")]
    public static partial void TicketsDeferred(ILogger logger, string runId, int pending, int max);

    [LoggerMessage(EventId = 11190, EventName = "MaintenanceScanFailed", Level = LogLevel.Error,
        Message = "Maintenance scan {RunId} failed; the next scan retries what is left.")]
    public static partial void ScanFailed(ILogger logger, Exception exception, string runId);
}
