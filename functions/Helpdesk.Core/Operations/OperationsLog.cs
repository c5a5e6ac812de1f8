using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Operations;

/// <summary>Logs of the operations feature: event ids 12200–12299.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 12201, Level = LogLevel.Warning, Message = "Poison message {MessageId} replayed onto {Queue} as {NewMessageId} by {By}")]
    public static partial void Replayed(ILogger logger, string messageId, string queue, string newMessageId, string by);

    [LoggerMessage(EventId = 12202, Level = LogLevel.Warning, Message = "Poison message {MessageId} on {PoisonQueue} could not be released after a replay; it is visible again when its lease ends")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string messageId, string poisonQueue);

    [LoggerMessage(EventId = 12203, Level = LogLevel.Warning, Message = "Operations refused to {Caller}: admins only")]
    public static partial void Refused(ILogger logger, string caller);
}
