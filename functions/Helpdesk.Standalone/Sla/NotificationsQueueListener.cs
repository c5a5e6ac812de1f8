using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Standalone.Queues;

namespace Helpdesk.Standalone.Sla;

/// <summary>The standalone twin of the Functions queue trigger on <c>notifications</c> (SLA mails to level groups).</summary>
public sealed class NotificationsQueueListener(StorageClients storage, QueueMessageProcessor processor, NotificationDispatcher dispatcher, ILogger<NotificationsQueueListener> logger)
    : QueueListener(storage.Queue(SlaQueues.Notifications), processor, logger)
{
    public override string QueueName => SlaQueues.Notifications;

    protected override Task ProcessAsync(string body, long dequeueCount, CancellationToken ct) =>
        dispatcher.DispatchAsync(body, dequeueCount, ct);
}
