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
        Message = "Ticket event {EventId} handled: {Succeeded} handler(s) done, {Failed} to retry on their own.")]
    public static partial void EventHandled(ILogger logger, string eventId, int succeeded, int failed);

    [LoggerMessage(EventId = 2006, EventName = "TicketEventHandlerFailed", Level = LogLevel.Warning,
        Message = "Handler {Handler} failed on ticket event {EventId} (ticket {Number}); the other handlers are not affected.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string eventId, int number);

    [LoggerMessage(EventId = 2007, EventName = "TicketEventHandlerRetryScheduled", Level = LogLevel.Information,
        Message = "Ticket event {EventId} (ticket {Number}) will be retried for handler {Handler} alone.")]
    public static partial void HandlerRetryScheduled(ILogger logger, string handler, string eventId, int number);

    [LoggerMessage(EventId = 2008, EventName = "TicketEventHandlerRetrySucceeded", Level = LogLevel.Information,
        Message = "Handler {Handler} handled ticket event {EventId} (ticket {Number}) on its own retry (attempt {Attempt}).")]
    public static partial void HandlerRetrySucceeded(ILogger logger, string handler, string eventId, int number, long attempt);

    [LoggerMessage(EventId = 2009, EventName = "CommentAppended", Level = LogLevel.Information,
        Message = "Ticket {Number}: {Kind} by {Actor}, appended to the timeline.")]
    public static partial void CommentAppended(ILogger logger, string kind, int number, string actor);
}
