using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Standalone.Queues;

namespace Helpdesk.Standalone.Tickets;

/// <summary>The standalone twin of the Functions queue trigger on <c>ticket-events</c>.</summary>
public sealed class TicketEventsQueueListener(StorageClients storage, QueueMessageProcessor processor, TicketEventDispatcher dispatcher, ILogger<TicketEventsQueueListener> logger)
    : QueueListener(storage.Queue(TicketQueues.Events), processor, logger)
{
    public override string QueueName => TicketQueues.Events;

    protected override Task ProcessAsync(string body, long dequeueCount, CancellationToken ct) =>
        dispatcher.DispatchAsync(body, dequeueCount, ct);
}
