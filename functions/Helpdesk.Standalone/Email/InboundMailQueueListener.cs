using Helpdesk.Core.Email;
using Helpdesk.Core.Storage;
using Helpdesk.Standalone.Queues;

namespace Helpdesk.Standalone.Email;

/// <summary>The standalone twin of the Functions queue trigger on <c>inbound-email</c>.</summary>
public sealed class InboundMailQueueListener(StorageClients storage, QueueMessageProcessor processor, InboundMailProcessor mail, ILogger<InboundMailQueueListener> logger)
    : QueueListener(storage.Queue(InboundQueues.Mail), processor, logger)
{
    public override string QueueName => InboundQueues.Mail;

    protected override Task ProcessAsync(string body, long dequeueCount, CancellationToken ct) => mail.ProcessAsync(body, ct);
}
