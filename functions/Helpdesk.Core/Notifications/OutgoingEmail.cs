namespace Helpdesk.Core.Notifications;

/// <summary>
/// A mail to send. <see cref="MessageId"/> is chosen by us (signed, see <c>Email/MailThreadAddresses</c>), so that
/// replies thread back to the ticket; <see cref="ReplyTo"/>, when set, is where replies go instead of <see cref="From"/>.
/// </summary>
public sealed record OutgoingEmail(
    EmailAddress From,
    IReadOnlyList<EmailAddress> To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string MessageId,
    string? InReplyTo = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    EmailAddress? ReplyTo = null);
