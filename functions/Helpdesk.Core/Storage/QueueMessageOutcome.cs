namespace Helpdesk.Core.Storage;

/// <summary>How one delivery ended (<see cref="QueueMessageProcessor"/>).</summary>
public abstract record QueueMessageOutcome
{
    private QueueMessageOutcome()
    {
    }

    /// <summary>Processed: the host deletes the message.</summary>
    public sealed record Completed : QueueMessageOutcome;

    /// <summary>Written to the poison queue with its reason: the host deletes the message.</summary>
    public sealed record Poisoned(Exception Reason) : QueueMessageOutcome;

    /// <summary>Failed, to be retried: the standalone listener makes it visible again after the retry delay, a Functions trigger rethrows.</summary>
    public sealed record Retry(Exception Reason) : QueueMessageOutcome;
}
