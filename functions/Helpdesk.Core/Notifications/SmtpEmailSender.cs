using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Notifications;

/// <summary>Sends through an SMTP relay with MailKit. One connection per mail keeps it simple and robust to relay restarts.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var message = ToMime(email);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        var security = o.Security.Equals("Auto", StringComparison.OrdinalIgnoreCase)
            ? SecureSocketOptions.Auto
            : Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true);
        await client.ConnectAsync(o.Host, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static MimeMessage ToMime(OutgoingEmail email)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId.Trim('<', '>') };
        message.From.Add(new MailboxAddress(email.From.DisplayName, email.From.Address));
        message.To.AddRange(email.To.Select(t => new MailboxAddress(t.DisplayName, t.Address)));
        if (email.InReplyTo is not null)
        {
            message.InReplyTo = email.InReplyTo.Trim('<', '>');
            message.References.Add(message.InReplyTo);
        }

        // Our own mails are automatic: tell other systems not to auto-reply (mail loops).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        foreach (var (key, value) in email.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(key, value);
        }

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

}
