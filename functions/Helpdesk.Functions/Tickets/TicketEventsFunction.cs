using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Tickets;

/// <summary>
/// Consumes lifecycle events (acknowledgment mail, SLA clock). Throws on failure, so that the host retries and, after
/// maxDequeueCount (host.json), moves the message to <c>ticket-events-poison</c>. The queue lives in the
/// AzureWebJobsStorage account, which the deployment points at the same account as Helpdesk:Storage.
/// </summary>
public sealed class TicketEventsFunction(TicketEventDispatcher dispatcher)
{
    [Function("TicketEvents")]
    public async Task Run(
        [QueueTrigger(TicketQueues.Events)] string message,
        long dequeueCount,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        using (BoundOrchestrationClient.Bind(durableClient))
        {
            await dispatcher.DispatchAsync(message, dequeueCount, cancellationToken);
        }
    }
}
