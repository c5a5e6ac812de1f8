using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Storage;

/// <summary>Storage and queue events an operator searches for (event ids 6000–6099).</summary>
public static partial class StorageLog
{
    [LoggerMessage(EventId = 6001, EventName = "StorageReady", Level = LogLevel.Information,
        Message = "Storage ready: {Tables} tables, {Queues} queues, {Containers} containers.")]
    public static partial void Ready(ILogger logger, int tables, int queues, int containers);

    [LoggerMessage(EventId = 6010, EventName = "MessagePoisoned", Level = LogLevel.Error,
        Message = "Message {MessageId} of {Queue} failed {Count} time(s) (permanent: {Permanent}); moved to {Poison}.")]
    public static partial void MessagePoisoned(ILogger logger, Exception exception, string messageId, string queue, long count, bool permanent, string poison);

    [LoggerMessage(EventId = 6011, EventName = "MessageRetried", Level = LogLevel.Warning,
        Message = "Message {MessageId} of {Queue} failed (attempt {Count} of {Max}); it will be retried.")]
    public static partial void MessageRetried(ILogger logger, Exception exception, string messageId, string queue, long count, int max);

    [LoggerMessage(EventId = 6012, EventName = "QueueReadFailed", Level = LogLevel.Warning,
        Message = "Could not read queue {Queue}; retrying.")]
    public static partial void QueueReadFailed(ILogger logger, Exception exception, string queue);
}
