namespace Helpdesk.Core.Storage;

/// <summary>
/// The one rule both hosts apply to a failed queue message: a permanent failure (a message that can never be
/// processed) is poisoned at once; any other failure is retried until its <see cref="QueueRules.MaxDequeueCount"/>th
/// attempt, and poisoned then. The host writes the poison message itself (<see cref="PoisonQueue"/>), so that the
/// reason travels with it, instead of letting the Functions runtime move the bare message after its own count.
/// </summary>
public static class QueueFailurePolicy
{
    /// <summary>Failures that no retry can mend.</summary>
    public static bool IsPermanent(Exception exception) => exception is MalformedMessageException;

    /// <param name="exception">Why the attempt failed.</param>
    /// <param name="dequeueCount">This attempt's number, from 1 (the queue's dequeue count).</param>
    public static QueueFailureAction Decide(Exception exception, long dequeueCount)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsPermanent(exception) || dequeueCount >= QueueRules.MaxDequeueCount ? QueueFailureAction.Poison : QueueFailureAction.Retry;
    }
}
