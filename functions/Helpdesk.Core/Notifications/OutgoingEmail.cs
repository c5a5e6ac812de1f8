namespace Helpdesk.Core.Notifications;

/// <summary>A mail to send. <see cref="MessageId"/> is chosen by us, so that replies thread back to the ticket.</summary>
public sealed record OutgoingEmail(
    EmailAddress From,
    IReadOnlyList<EmailAddress> To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string MessageId,
    string? InReplyTo = null,
    IReadOnlyDictionary<string, string>? Headers = null);
