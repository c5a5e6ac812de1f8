using System.Runtime.ExceptionServices;
using Helpdesk.Core.Storage;

namespace Helpdesk.Functions.Hosting;

/// <summary>
/// A queue trigger's body, the same rule as the standalone listener (Core's <see cref="QueueMessageProcessor"/>): a
/// permanent failure, or a failure on the last attempt, is written to <c>{queue}-poison</c> with its reason by us and
/// the function completes (the runtime deletes the message); any other failure is rethrown, so that the runtime makes
/// the message visible again after host.json's <c>visibilityTimeout</c>.
/// </summary>
public static class QueueTrigger
{
    public static async Task RunAsync(this QueueMessageProcessor processor, QueueMessageInfo message, Func<CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var outcome = await processor.ProcessAsync(message, process, cancellationToken);
        if (outcome is QueueMessageOutcome.Retry retry)
        {
            ExceptionDispatchInfo.Capture(retry.Reason).Throw();
        }
    }
}
