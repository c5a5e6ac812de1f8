using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Notifications;

/// <summary>The mail events an operator searches for (event ids 3000–3099).</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 3001, EventName = "MailSent", Level = LogLevel.Information,
        Message = "Mail {Template} of ticket {Number} sent ({MessageId}).")]
    public static partial void MailSent(ILogger logger, string template, int number, string messageId);

    [LoggerMessage(EventId = 3002, EventName = "MailFailedPermanently", Level = LogLevel.Warning,
        Message = "Mail {Template} of ticket {Number} cannot be delivered ({Reason}); recorded on the ticket, not retried.")]
    public static partial void MailFailedPermanently(ILogger logger, Exception exception, string template, int number, string reason);

    [LoggerMessage(EventId = 3003, EventName = "AcknowledgmentRateLimited", Level = LogLevel.Warning,
        Message = "Acknowledgment of ticket {Number} not sent: its recipient already got {Limit} acknowledgments this hour.")]
    public static partial void AcknowledgmentRateLimited(ILogger logger, int number, int limit);

    [LoggerMessage(EventId = 3004, EventName = "MailAlreadyHandled", Level = LogLevel.Information,
        Message = "Mail {Template} of ticket {Number} was already handled; skipping the redelivered event.")]
    public static partial void MailAlreadyHandled(ILogger logger, string template, int number);

    [LoggerMessage(EventId = 3005, EventName = "AcknowledgmentCounterContended", Level = LogLevel.Debug,
        Message = "Acknowledgment counter of a recipient changed under us (attempt {Attempt}); re-reading.")]
    public static partial void CounterContended(ILogger logger, int attempt);
}
