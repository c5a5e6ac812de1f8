using Azure.Storage.Queues;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>Publishes lifecycle events to the <c>ticket-events</c> storage queue (base64 JSON, as the Functions trigger reads).</summary>
public sealed class QueueTicketEventPublisher(StorageClients storage) : ITicketEventPublisher
{
    private QueueClient Queue => storage.Queue(TicketQueues.Events);

    public Task PublishAsync(TicketEvent ticketEvent, CancellationToken cancellationToken) =>
        Queue.SendMessageAsync(TicketEventMessage.Serialize(ticketEvent), cancellationToken);
}
