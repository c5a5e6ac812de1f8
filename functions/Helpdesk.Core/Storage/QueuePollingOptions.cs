namespace Helpdesk.Core.Storage;

/// <summary>
/// How often the standalone host's queue listeners look at an empty queue (section <c>Helpdesk:Queues</c>). The
/// default is the Functions app's <c>host.json</c> <c>extensions.queues.maxPollingInterval</c> (the parity test checks
/// they are equal), so that an idle tenant costs the same queue transactions in both hosts.
/// </summary>
public sealed class QueuePollingOptions
{
    public const string Section = "Helpdesk:Queues";

    /// <summary>Shortest allowed ceiling: the Functions queue trigger refuses less than 100 ms.</summary>
    public static readonly TimeSpan MinAllowed = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest allowed ceiling: a message waits at most this long on an idle tenant (the acknowledgment mail, a technician's change reaching the SLA clock).</summary>
    public static readonly TimeSpan MaxAllowed = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The ceiling of the idle back-off: after each empty read the wait doubles, from <see cref="QueuePolling.FirstDelay"/>
    /// up to this; a message resets it. 5 s: an idle queue costs 0.2 reads/s instead of 1 (docs/performance.md, "Idle
    /// cost"), and a requester waits at most 5 s more for the acknowledgment after a quiet spell. Escalations do not
    /// wait on it: they run on durable timers (<c>Helpdesk:Durable:MaxQueuePollingInterval</c>), and P1 notices are sent
    /// by the step activity itself.
    /// </summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(5);
}
