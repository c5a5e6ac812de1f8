namespace Helpdesk.Core.Storage;

/// <summary>
/// How every queue of the product is consumed, the same in both hosts: host.json carries the same values for the
/// Functions queue trigger (checked by the parity test), and the standalone listeners read them from here.
/// </summary>
public static class QueueRules
{
    /// <summary>Messages that failed <see cref="MaxDequeueCount"/> times, or failed permanently, land here.</summary>
    public static string Poison(string queue) => queue + "-poison";

    /// <summary>Attempts before a message goes to the poison queue (host.json <c>extensions.queues.maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>How long a failed message stays invisible before its retry (host.json <c>extensions.queues.visibilityTimeout</c>).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>How long a message being processed stays hidden from other consumers (the Functions host's lease).</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(1);
}
