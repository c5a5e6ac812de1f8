using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Storage;

/// <summary>Storage and queue events an operator searches for (event ids 6000–6099).</summary>
public static partial class StorageLog
{
    [LoggerMessage(EventId = 6001, EventName = "StorageReady", Level = LogLevel.Information,
        Message = "Storage ready: {Tables} tables, {Queues} queues, {Containers} containers.")]
    public static partial void Ready(ILogger logger, int tables, int queues, int containers);

    [LoggerMessage(EventId = 6010, EventName = "MessagePoisoned", Level = LogLevel.Error,
        Message = "Message {MessageId} of {Queue} failed {Count} time(s) (permanent: {Permanent}); written to {Poison} with its reason.")]
    public static partial void MessagePoisoned(ILogger logger, Exception exception, string messageId, string queue, long count, bool permanent, string poison);

    [LoggerMessage(EventId = 6011, EventName = "MessageRetried", Level = LogLevel.Warning,
        Message = "Message {MessageId} of {Queue} failed (attempt {Count} of {Max}); it will be retried.")]
    public static partial void MessageRetried(ILogger logger, Exception exception, string messageId, string queue, long count, int max);

    [LoggerMessage(EventId = 6012, EventName = "QueueReadFailed", Level = LogLevel.Warning,
        Message = "Could not read queue {Queue}; retrying.")]
    public static partial void QueueReadFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 6013, EventName = "PoisonEnvelopeTooLarge", Level = LogLevel.Error,
        Message = "Message {MessageId} of {Queue} is too large to carry its reason: written to {Poison} as it was; the reason is this event's exception.")]
    public static partial void PoisonEnvelopeTooLarge(ILogger logger, Exception exception, string messageId, string queue, string poison);

    [LoggerMessage(EventId = 6014, EventName = "PoisonWriteFailed", Level = LogLevel.Error,
        Message = "Message {MessageId} of {Queue} could not be written to its poison queue; it stays on its queue and comes back.")]
    public static partial void PoisonWriteFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(EventId = 6015, EventName = "MessageSettleFailed", Level = LogLevel.Warning,
        Message = "Could not delete or hide message {MessageId} of {Queue}; it comes back after its lease.")]
    public static partial void MessageSettleFailed(ILogger logger, Exception exception, string messageId, string queue);
}
