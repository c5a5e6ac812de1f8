using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The SLA events an operator searches for (event ids 4000–4099). The orchestration's messages go through its
/// replay-safe logger, so a replayed turn logs nothing twice.
/// </summary>
internal static partial class SlaLog
{
    [LoggerMessage(EventId = 4001, EventName = "SlaActionsRecorded", Level = LogLevel.Information,
        Message = "SLA of ticket {Number}: recorded {Actions}.")]
    public static partial void ActionsRecorded(ILogger logger, int number, string actions);

    [LoggerMessage(EventId = 4002, EventName = "SlaTimerEnded", Level = LogLevel.Information,
        Message = "SLA timer of ticket {Number} ends: {Reason}.")]
    public static partial void TimerEnded(ILogger logger, int number, string? reason);

    [LoggerMessage(EventId = 4003, EventName = "SlaTimerWoke", Level = LogLevel.Debug,
        Message = "SLA timer of ticket {Number}: {Cause}; evaluating.")]
    public static partial void TimerWoke(ILogger logger, int number, string cause);

    [LoggerMessage(EventId = 4010, EventName = "SlaEscalated", Level = LogLevel.Warning,
        Message = "Ticket {Number} escalated automatically from {From} to {To}: the {From} share of the resolution time was used up at {DueAt:u}.")]
    public static partial void Escalated(ILogger logger, int number, Tickets.SupportLevel from, Tickets.SupportLevel to, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 4011, EventName = "SlaEscalationNotApplied", Level = LogLevel.Information,
        Message = "Automatic escalation of ticket {Number} from {From} not applied: {Reason}")]
    public static partial void EscalationNotApplied(ILogger logger, int number, Tickets.SupportLevel from, string reason);

    [LoggerMessage(EventId = 4012, EventName = "SlaActionOnMissingTicket", Level = LogLevel.Warning,
        Message = "SLA action {Id} of ticket {Number}: the ticket does not exist; nothing to do.")]
    public static partial void ActionOnMissingTicket(ILogger logger, string id, int number);

    [LoggerMessage(EventId = 4020, EventName = "SlaNoticeDeferred", Level = LogLevel.Information,
        Message = "SLA notice {Id} of ticket {Number} deferred to {NotBefore:O} (outside working hours).")]
    public static partial void NoticeDeferred(ILogger logger, string id, int number, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 4021, EventName = "SlaMailAlreadySent", Level = LogLevel.Information,
        Message = "SLA mail {Id} of ticket {Number} was already sent.")]
    public static partial void MailAlreadySent(ILogger logger, string id, int number);

    [LoggerMessage(EventId = 4022, EventName = "SlaMailPutBack", Level = LogLevel.Debug,
        Message = "SLA mail {Id} of ticket {Number} put back until {NotBefore:O}.")]
    public static partial void MailPutBack(ILogger logger, string id, int number, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 4023, EventName = "SlaMailDelivered", Level = LogLevel.Information,
        Message = "SLA mail {Id} of ticket {Number} delivered (attempt {Attempt}).")]
    public static partial void MailDelivered(ILogger logger, string id, int number, long attempt);

    [LoggerMessage(EventId = 4030, EventName = "SlaReconcileLogRecreated", Level = LogLevel.Warning,
        Message = "SLA log of open ticket {Number} was missing; recreated from the ticket.")]
    public static partial void LogRecreated(ILogger logger, int number);

    [LoggerMessage(EventId = 4031, EventName = "SlaReconcileTimerStarted", Level = LogLevel.Information,
        Message = "SLA timer of open ticket {Number} was not running; started.")]
    public static partial void TimerStarted(ILogger logger, int number);

    [LoggerMessage(EventId = 4032, EventName = "SlaReconciled", Level = LogLevel.Information,
        Message = "SLA reconcile: {Open} open tickets, {Started} timers started, {Recreated} logs recreated, {Stopped} timers stopped.")]
    public static partial void Reconciled(ILogger logger, int open, int started, int recreated, int stopped);
}
