namespace Helpdesk.Core.Notifications;

public sealed record EmailAddress(string Address, string? DisplayName = null);

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

/// <summary>The outbound-mail port. Adapters: SMTP (MailKit); others where the platform needs them.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
