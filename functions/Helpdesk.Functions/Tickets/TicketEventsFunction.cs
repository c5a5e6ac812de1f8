using Helpdesk.Core;
using Helpdesk.Core.Tickets;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Tickets;

/// <summary>
/// Consumes lifecycle events. Throws on failure, so that the host retries and, after maxDequeueCount (host.json),
/// moves the message to <c>ticket-events-poison</c>. The queue lives in the AzureWebJobsStorage account, which the
/// deployment points at the same account as Helpdesk:Storage.
/// </summary>
public sealed class TicketEventsFunction(TicketEventDispatcher dispatcher)
{
    [Function("TicketEvents")]
    public Task Run(
        [QueueTrigger(HelpdeskQueues.TicketEvents)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(message, dequeueCount, cancellationToken);
}
