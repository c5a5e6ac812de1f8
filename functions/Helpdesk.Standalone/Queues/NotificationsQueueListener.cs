using Helpdesk.Core;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;

namespace Helpdesk.Standalone.Queues;

/// <summary>The standalone twin of the Functions queue trigger on <c>notifications</c> (SLA mails to level groups).</summary>
public sealed class NotificationsQueueListener(StorageClients storage, NotificationDispatcher dispatcher, ILogger<NotificationsQueueListener> logger)
    : QueueListener(storage.Queue(HelpdeskQueues.Notifications), storage.Queue(HelpdeskQueues.Poison(HelpdeskQueues.Notifications)), logger)
{
    public override string QueueName => HelpdeskQueues.Notifications;

    protected override Task ProcessAsync(string body, long dequeueCount, CancellationToken ct) =>
        dispatcher.DispatchAsync(body, dequeueCount, ct);
}
