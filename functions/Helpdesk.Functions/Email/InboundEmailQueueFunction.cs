using Helpdesk.Core.Email;
using Helpdesk.Core.Storage;
using Helpdesk.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Email;

/// <summary>
/// Consumes stored inbound mail (<see cref="InboundMailProcessor"/>). Failures are retried by the runtime; an unreadable
/// mail, or the last attempt's failure, goes to <c>inbound-email-poison</c> with its reason (<see cref="QueueTrigger"/>).
/// </summary>
public sealed class InboundEmailQueueFunction(InboundMailProcessor mail, QueueMessageProcessor processor)
{
    [Function("InboundEmail")]
    public Task Run([QueueTrigger(InboundQueues.Mail)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        processor.RunAsync(new QueueMessageInfo(InboundQueues.Mail, id, message, dequeueCount), ct => mail.ProcessAsync(message, ct), cancellationToken);
}
