using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Conversation;

/// <summary>The requester conversation's events an operator searches for (event ids 9000–9099).</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 9001, EventName = "RequesterMailSent", Level = LogLevel.Information,
        Message = "Requester mail {Template} of ticket {Number} sent ({MessageId}).")]
    public static partial void MailSent(ILogger logger, string template, int number, string messageId);

    [LoggerMessage(EventId = 9002, EventName = "RequesterMailFailedPermanently", Level = LogLevel.Warning,
        Message = "Requester mail {Template} of ticket {Number} cannot be delivered ({Reason}); address marked as bounced, not retried.")]
    public static partial void MailFailedPermanently(ILogger logger, Exception exception, string template, int number, string reason);

    [LoggerMessage(EventId = 9003, EventName = "RequesterMailSuppressed", Level = LogLevel.Warning,
        Message = "Requester mail {Template} of ticket {Number} not sent: the address bounced before.")]
    public static partial void MailSuppressed(ILogger logger, string template, int number);

    [LoggerMessage(EventId = 9004, EventName = "RequesterMailAlreadyHandled", Level = LogLevel.Information,
        Message = "Requester mail {Template} of ticket {Number} was already handled; skipping the redelivered event.")]
    public static partial void MailAlreadyHandled(ILogger logger, string template, int number);

    [LoggerMessage(EventId = 9010, EventName = "StatusLinkRefused", Level = LogLevel.Information,
        Message = "Status link refused ({Why}).")]
    public static partial void StatusLinkRefused(ILogger logger, string why);

    [LoggerMessage(EventId = 9011, EventName = "StatusPageAction", Level = LogLevel.Information,
        Message = "Requester {Action} on ticket {Number} from the status page.")]
    public static partial void StatusPageAction(ILogger logger, string action, int number);

    [LoggerMessage(EventId = 9020, EventName = "SatisfactionRated", Level = LogLevel.Information,
        Message = "Ticket {Number} rated {Rating}/5 by its requester.")]
    public static partial void SatisfactionRated(ILogger logger, int number, int rating);

    [LoggerMessage(EventId = 9012, EventName = "RequesterAttachmentsAdded", Level = LogLevel.Information,
        Message = "Ticket {Number}: the requester added {Count} file(s) from the status page.")]
    public static partial void AttachmentsAdded(ILogger logger, int number, int count);
}
