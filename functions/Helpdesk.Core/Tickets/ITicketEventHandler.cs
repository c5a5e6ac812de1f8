namespace Helpdesk.Core.Tickets;

/// <summary>
/// Reacts to ticket events. Delivery is at least once: a handler must be idempotent. <paramref name="redelivered"/>
/// tells that an earlier delivery of this very event may already have been handled (always true when the event is
/// retried for this handler alone). Each handler runs, fails and is retried on its own (see
/// <see cref="TicketEventDispatcher"/>): a failure here never keeps another handler from running.
/// </summary>
public interface ITicketEventHandler
{
    /// <summary>
    /// Stable name of the handler (lower-case letters, digits and '-', e.g. <c>acknowledgment</c>): targeted retry
    /// messages and poisoned messages carry it, so it must not change between releases.
    /// </summary>
    string Name { get; }

    Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken);
}
