using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Storage;

/// <summary>
/// One delivery of a queue message, handled the same way in both hosts: run the feature's handler; on failure apply
/// <see cref="QueueFailurePolicy"/>, i.e. leave it for a retry, or write it to the poison queue with its reason.
/// The standalone <c>QueueListener</c> and the Functions queue triggers differ only in what they do with the outcome.
/// </summary>
public sealed class QueueMessageProcessor(PoisonQueue poison, ILogger<QueueMessageProcessor> logger, IOptions<QueuePollingOptions> polling)
{
    /// <summary>
    /// The idle back-off for a polling consumer (the standalone listeners; the Functions trigger reads the same ceiling
    /// from host.json): here so that every consumer, whichever feature declares it, polls by the one setting.
    /// </summary>
    public QueuePolling NewPolling() => new(polling.Value.MaxPollingInterval);

    /// <param name="message">The delivery.</param>
    /// <param name="process">The feature's handler (e.g. <c>TicketEventDispatcher.DispatchAsync</c>).</param>
    /// <param name="ct">The host's stopping token: a cancelled attempt is neither retried nor poisoned here (it throws).</param>
    /// <exception cref="OperationCanceledException">The host is stopping; the message becomes visible again on its own.</exception>
    /// <remarks>A failure to write the poison queue propagates: the message stays on its queue and comes back.</remarks>
    public async Task<QueueMessageOutcome> ProcessAsync(QueueMessageInfo message, Func<CancellationToken, Task> process, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            await process(ct);
            return new QueueMessageOutcome.Completed();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (QueueFailurePolicy.Decide(ex, message.DequeueCount) == QueueFailureAction.Retry)
            {
                StorageLog.MessageRetried(logger, ex, message.MessageId, message.Queue, message.DequeueCount, QueueRules.MaxDequeueCount);
                return new QueueMessageOutcome.Retry(ex);
            }

            // Not the stopping token: a message given up is written even while the host stops.
            await poison.WriteAsync(message, ex, CancellationToken.None);
            return new QueueMessageOutcome.Poisoned(ex);
        }
    }
}
