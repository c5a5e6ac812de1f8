namespace Helpdesk.Core.Notifications;

/// <summary>The outbound-mail port. Adapters: SMTP (MailKit); others where the platform needs them.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
