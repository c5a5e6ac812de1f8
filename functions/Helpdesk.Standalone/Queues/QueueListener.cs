using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Helpdesk.Core.Storage;

namespace Helpdesk.Standalone.Queues;

/// <summary>
/// Polls a storage queue the way the Functions queue trigger does: batches of up to 16 messages, the same
/// visibility timeout, exponential back-off when idle up to host.json's <c>maxPollingInterval</c>
/// (<see cref="QueuePolling"/>, <c>Helpdesk:Queues:MaxPollingInterval</c>). Each message goes
/// through Core's <see cref="QueueMessageProcessor"/>, exactly as in the Functions app: a failed message becomes
/// visible again after the retry delay, and a permanent failure or the last attempt is written to the poison queue
/// with its reason. Nothing is dropped silently.
/// </summary>
public abstract class QueueListener(QueueClient queue, QueueMessageProcessor processor, ILogger logger) : BackgroundService
{
    private const int BatchSize = 16;

    /// <summary>The queue this listener consumes (without the test prefix), compared with the Functions app's queue triggers.</summary>
    public abstract string QueueName { get; }

    protected abstract Task ProcessAsync(string body, long dequeueCount, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = processor.NewPolling();
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(BatchSize, QueueRules.VisibilityTimeout, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException ex)
            {
                StorageLog.QueueReadFailed(logger, ex, queue.Name);
                messages = [];
            }

            var wait = polling.After(received: messages.Length > 0);
            if (messages.Length == 0)
            {
                try
                {
                    await Task.Delay(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await Task.WhenAll(messages.Select(m => HandleAsync(m, stoppingToken)));
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        var body = message.Body.ToString();
        var delivery = new QueueMessageInfo(QueueName, message.MessageId, body, message.DequeueCount);
        QueueMessageOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(delivery, token => ProcessAsync(body, message.DequeueCount, token), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again after its timeout and is retried.
            return;
        }
        catch (Exception ex)
        {
            // The poison queue could not be written: keep the message, it comes back after the retry delay.
            StorageLog.PoisonWriteFailed(logger, ex, message.MessageId, QueueName);
            outcome = new QueueMessageOutcome.Retry(ex);
        }

        try
        {
            if (outcome is QueueMessageOutcome.Retry)
            {
                // Visible again after the retry delay, as the Functions trigger does, rather than after the whole lease.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: QueueRules.RetryDelay,
                    cancellationToken: CancellationToken.None);
            }
            else
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            // The listener keeps going; the message comes back after its lease (consumers are idempotent).
            StorageLog.MessageSettleFailed(logger, ex, message.MessageId, QueueName);
        }
    }
}
