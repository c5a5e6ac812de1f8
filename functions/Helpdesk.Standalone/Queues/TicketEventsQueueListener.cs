using Helpdesk.Core;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Standalone.Queues;

/// <summary>The standalone twin of the Functions queue trigger on <c>ticket-events</c>.</summary>
public sealed class TicketEventsQueueListener(StorageClients storage, TicketEventDispatcher dispatcher, ILogger<TicketEventsQueueListener> logger)
    : QueueListener(storage.Queue(HelpdeskQueues.TicketEvents), storage.Queue(HelpdeskQueues.Poison(HelpdeskQueues.TicketEvents)), logger)
{
    public override string QueueName => HelpdeskQueues.TicketEvents;

    protected override Task ProcessAsync(string body, long dequeueCount, CancellationToken ct) =>
        dispatcher.DispatchAsync(body, dequeueCount, ct);
}
