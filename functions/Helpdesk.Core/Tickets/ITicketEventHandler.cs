namespace Helpdesk.Core.Tickets;

/// <summary>
/// Reacts to ticket events. Delivery is at least once: a handler must be idempotent. <paramref name="redelivered"/>
/// tells that an earlier delivery of this very event may already have been handled.
/// </summary>
public interface ITicketEventHandler
{
    Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken);
}
