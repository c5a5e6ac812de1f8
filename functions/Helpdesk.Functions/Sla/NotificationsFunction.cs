using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Sla;

/// <summary>SLA mails to level groups, deferred through the <c>notifications</c> queue; poison rule of <see cref="QueueTrigger"/>.</summary>
public sealed class NotificationsFunction(NotificationDispatcher notifications, QueueMessageProcessor processor)
{
    [Function("Notifications")]
    public Task Notify([QueueTrigger(SlaQueues.Notifications)] string message, string id, long dequeueCount, CancellationToken cancellationToken) =>
        processor.RunAsync(new QueueMessageInfo(SlaQueues.Notifications, id, message, dequeueCount),
            ct => notifications.DispatchAsync(message, dequeueCount, ct), cancellationToken);
}
