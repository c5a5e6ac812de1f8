using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Helpdesk.Core;
using Helpdesk.Core.Storage;

namespace Helpdesk.Standalone.Queues;

/// <summary>
/// Polls a storage queue the way the Functions queue trigger does: batches of up to 16 messages, the same
/// visibility timeout, exponential back-off when idle (up to <see cref="MaxPollingInterval"/>), a failed message
/// becomes visible again and is retried, and after <see cref="QueueRules.MaxDequeueCount"/> attempts it moves
/// to the <c>-poison</c> queue with the reason logged. Nothing is dropped silently.
/// </summary>
public abstract class QueueListener(QueueClient queue, QueueClient poison, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxPollingInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 16;

    /// <summary>The queue this listener consumes (without the test prefix), compared with the Functions app's queue triggers.</summary>
    public abstract string QueueName { get; }

    protected abstract Task ProcessAsync(string body, long dequeueCount, CancellationToken ct);

    /// <summary>Exceptions that can never succeed on retry (a malformed message): straight to the poison queue.</summary>
    protected virtual bool IsPermanent(Exception ex) => ex is MalformedMessageException;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = MinPollingInterval;
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

            if (messages.Length == 0)
            {
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinPollingInterval;
            await Task.WhenAll(messages.Select(m => HandleAsync(m, stoppingToken)));
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        try
        {
            await ProcessAsync(message.Body.ToString(), message.DequeueCount, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again after its timeout and is retried.
        }
        catch (Exception ex)
        {
            var permanent = IsPermanent(ex);
            if (permanent || message.DequeueCount >= QueueRules.MaxDequeueCount)
            {
                StorageLog.MessagePoisoned(logger, ex, message.MessageId, queue.Name, message.DequeueCount, permanent, poison.Name);
                await poison.SendMessageAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else
            {
                StorageLog.MessageRetried(logger, ex, message.MessageId, queue.Name, message.DequeueCount, QueueRules.MaxDequeueCount);
                // Visible again after the retry delay, as the Functions trigger does, rather than after the whole lease.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: QueueRules.RetryDelay,
                    cancellationToken: CancellationToken.None);
            }
        }
    }
}
