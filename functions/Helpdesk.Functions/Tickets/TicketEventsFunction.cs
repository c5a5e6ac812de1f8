using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Tickets;

/// <summary>
/// Consumes lifecycle events (acknowledgment mail, SLA clock). A failure is retried by the runtime; a malformed
/// message, or the last attempt's failure, goes to <c>ticket-events-poison</c> with its reason (<see cref="QueueTrigger"/>).
/// The queue lives in the AzureWebJobsStorage account, which the deployment points at the same account as
/// Helpdesk:Storage. The SLA handler starts and signals orchestrations: hence the durable client, bound by
/// <c>DurableClientMiddleware</c>.
/// </summary>
public sealed class TicketEventsFunction(TicketEventDispatcher dispatcher, QueueMessageProcessor processor)
{
    [Function("TicketEvents")]
    public Task Run(
        [QueueTrigger(TicketQueues.Events)] string message,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        processor.RunAsync(new QueueMessageInfo(TicketQueues.Events, id, message, dequeueCount),
            ct => dispatcher.DispatchAsync(message, dequeueCount, ct), cancellationToken);
}
