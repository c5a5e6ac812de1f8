using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>
/// Records ticket lifecycle events in the SLA clock log (idempotently: the dedupe id is the event id), starts the
/// ticket's timer on creation and tells the running timer about every other change. Automatic escalations (actor
/// <see cref="SlaActors.System"/>) are already in the log, written by the evaluation that made them.
/// </summary>
public sealed class SlaTicketEventHandler(ISlaClockLog log, ISlaTimerEngine engine, ILogger<SlaTicketEventHandler> logger, SlaNextDeadlinePlanner planner) : ITicketEventHandler
{
    /// <summary>The handler's stable name in targeted <c>ticket-events</c> messages.</summary>
    public const string HandlerName = "sla-clock";

    public string Name => HandlerName;

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var clockEvent = await ToClockEventAsync(ticketEvent, cancellationToken);
        if (clockEvent is null)
        {
            return;
        }

        var added = await log.AppendAsync(ticketEvent.Number, clockEvent, ticketEvent.EventId, cancellationToken);
        if (!added)
        {
            logger.LogDebug("SLA log of ticket {Number} already holds {EventId}.", ticketEvent.Number, ticketEvent.EventId);
        }

        // Even when the entry was there (a redelivery), start or notify again: the first delivery may have failed after the append.
        switch (ticketEvent.Kind)
        {
            case TicketEventKind.Created:
                // The timer's first turn would only find nothing due yet: tell it when to look first instead (the
                // log read here replaces the one that turn would make). A late redelivery gets a past deadline: the
                // first turn then runs at once.
                var first = planner.Decide(ticketEvent.Number, await log.ReadEntriesAsync(ticketEvent.Number, cancellationToken));
                await engine.StartAsync(ticketEvent.Number, first.Done ? null : first.Deadline, cancellationToken);
                break;
            case TicketEventKind.Reopened:
                // A resolved ticket's timer has ended; a reopened one needs a timer again (no-op if it still runs).
                await engine.StartAsync(ticketEvent.Number, cancellationToken);
                await engine.NotifyChangedAsync(ticketEvent.Number, cancellationToken);
                break;
            default:
                await engine.NotifyChangedAsync(ticketEvent.Number, cancellationToken);
                break;
        }
    }

    /// <summary>The clock event for a ticket event, or null when the event does not concern the SLA clock.</summary>
    public async Task<SlaClockEvent?> ToClockEventAsync(TicketEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        var t = e.Ticket;
        return e.Kind switch
        {
            TicketEventKind.Created => new SlaClockEvent.Started(0, e.At, t.Priority, t.Level),
            TicketEventKind.Acknowledged => new SlaClockEvent.ResponseMet(0, e.At),
            TicketEventKind.Waiting => new SlaClockEvent.Paused(
                0, e.At, t.WaitingOn == WaitingOn.Provider ? PauseReason.Provider : PauseReason.Requester,
                t.WaitingOn == WaitingOn.Provider ? t.Provider : null),
            TicketEventKind.Resumed => new SlaClockEvent.Resumed(0, e.At),
            TicketEventKind.Escalated when e.Actor == SlaActors.System => null,
            TicketEventKind.Escalated when t.Level > SupportLevel.L1 =>
                new SlaClockEvent.LevelChanged(0, e.At, t.Level - 1, t.Level, LevelChangeMode.Manual),
            TicketEventKind.PriorityChanged => new SlaClockEvent.PriorityChanged(0, e.At, await CurrentPriorityAsync(e, ct), t.Priority),
            TicketEventKind.Resolved => new SlaClockEvent.Resolved(0, e.At),
            TicketEventKind.Reopened => new SlaClockEvent.Reopened(0, e.At),
            TicketEventKind.Closed => new SlaClockEvent.Closed(0, e.At),
            _ => null,
        };
    }

    // The priority the clock runs with before this change: the last one recorded up to the event.
    private async Task<Priority> CurrentPriorityAsync(TicketEvent e, CancellationToken ct)
    {
        var priority = e.Ticket.Priority;
        foreach (var entry in await log.ReadAsync(e.Number, ct))
        {
            if (entry.At >= e.At)
            {
                break;
            }

            priority = entry switch
            {
                SlaClockEvent.Started s => s.Priority,
                SlaClockEvent.PriorityChanged c => c.To,
                _ => priority,
            };
        }

        return priority;
    }
}
