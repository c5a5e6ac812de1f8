namespace Helpdesk.Core.Tickets;

/// <summary>
/// The one port through which every lifecycle change leaves the ticket feature. The storage-queue adapter delivers
/// events to every <see cref="ITicketEventHandler"/> (acknowledgment mail, SLA orchestration...), at least once.
/// </summary>
public interface ITicketEventPublisher
{
    Task PublishAsync(TicketEvent ticketEvent, CancellationToken cancellationToken);
}
