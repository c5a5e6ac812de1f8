using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>The ticket events an operator searches for (event ids 2000–2099).</summary>
internal static partial class TicketLog
{
    [LoggerMessage(EventId = 2001, EventName = "TicketCounterMoved", Level = LogLevel.Debug,
        Message = "Ticket counter moved under us (attempt {Attempt}); re-reading.")]
    public static partial void CounterMoved(ILogger logger, int attempt);

    [LoggerMessage(EventId = 2002, EventName = "QueueMoveFallback", Level = LogLevel.Debug,
        Message = "Moving ticket {Number} in one batch failed ({Status}); writing the rows one by one.")]
    public static partial void QueueMoveFallback(ILogger logger, Exception exception, int number, int status);

    [LoggerMessage(EventId = 2003, EventName = "ConcurrentChangeRetried", Level = LogLevel.Information,
        Message = "Ticket {Number} changed concurrently; retrying {Command} (attempt {Attempt}).")]
    public static partial void ConcurrentChangeRetried(ILogger logger, int number, string command, int attempt);

    [LoggerMessage(EventId = 2004, EventName = "ActionApplied", Level = LogLevel.Information,
        Message = "Ticket {Number}: {Kind} by {Actor} (status {Status}, {Priority}, level {Level}).")]
    public static partial void ActionApplied(ILogger logger, int number, string kind, string actor, TicketStatus status, Priority priority, SupportLevel level);

    [LoggerMessage(EventId = 2005, EventName = "TicketEventHandled", Level = LogLevel.Debug,
        Message = "Ticket event {EventId} handled.")]
    public static partial void EventHandled(ILogger logger, string eventId);
}
