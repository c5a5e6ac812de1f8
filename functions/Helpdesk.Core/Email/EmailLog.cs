using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Email;

/// <summary>The inbound mail events an operator searches for (event ids 8000–8099).</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 8001, EventName = "InboundMessageAccepted", Level = LogLevel.Information,
        Message = "Inbound message accepted by route {Route}: stored as {Blob} ({Bytes} bytes) and queued.")]
    public static partial void MessageAccepted(ILogger logger, string route, string blob, int bytes);

    [LoggerMessage(EventId = 8002, EventName = "InboundDeliveryRefused", Level = LogLevel.Warning,
        Message = "Inbound delivery on route {Route} refused: {Reason}.")]
    public static partial void DeliveryRefused(ILogger logger, string route, string reason);

    [LoggerMessage(EventId = 8003, EventName = "InboundMailProcessed", Level = LogLevel.Information,
        Message = "Inbound mail ({Route}) processed: {Outcome}, ticket {Ticket}. {Reason}")]
    public static partial void MailProcessed(ILogger logger, string outcome, int? ticket, string reason, string route);

    [LoggerMessage(EventId = 8004, EventName = "InboundMailDuplicate", Level = LogLevel.Information,
        Message = "Inbound mail ({Route}) already handled ({Outcome}, ticket {Ticket}): this delivery changes nothing.")]
    public static partial void DuplicateMail(ILogger logger, string outcome, int? ticket, string route);

    [LoggerMessage(EventId = 8005, EventName = "InboundStateChangeSkipped", Level = LogLevel.Information,
        Message = "Ticket {Number}: the reply's state change was not applied ({Reason}); the comment is recorded.")]
    public static partial void StateChangeSkipped(ILogger logger, int number, string reason);
}
