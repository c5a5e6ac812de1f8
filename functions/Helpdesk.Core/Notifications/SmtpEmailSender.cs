using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Sends through an SMTP relay with MailKit. One connection per mail keeps it simple and robust to relay restarts.
/// A recipient that can never be reached raises <see cref="PermanentEmailFailureException"/>: an address MimeKit
/// refuses (nothing is sent), or a relay answering <c>RCPT TO</c> with a permanent mailbox error (501, 550, 551, 553,
/// except policy answers 5.7.x such as "relay denied", which are configuration). Everything else (connection, 4xx,
/// authentication, sender refused) propagates as is: the caller retries.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
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

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when (IsPermanentRecipientFailure(ex))
        {
            var recipient = ex.Mailbox?.Address ?? string.Join(", ", email.To.Select(t => t.Address));
            throw new PermanentEmailFailureException(
                $"The SMTP relay refused recipient {recipient} of mail {email.MessageId}: {(int)ex.StatusCode} {ex.Message}",
                recipient,
                $"the mail server refused the address ({(int)ex.StatusCode})",
                inner: ex);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// A 5xx answer to <c>RCPT TO</c> about the mailbox itself: it will be the same tomorrow. Policy answers (enhanced
    /// status 5.7.x: relaying denied, authentication required) are about our relay settings, not the recipient.
    /// </summary>
    public static bool IsPermanentRecipientFailure(SmtpCommandException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted
               && exception.StatusCode is SmtpStatusCode.SyntaxError or SmtpStatusCode.MailboxUnavailable
                   or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed
               && !exception.Message.TrimStart().StartsWith("5.7.", StringComparison.Ordinal);
    }

    /// <summary>
    /// The MIME message of <paramref name="email"/>. A recipient address MimeKit refuses (<c>a.@example.be</c>) raises
    /// <see cref="PermanentEmailFailureException"/>; a sender it refuses is a configuration error and stays a
    /// <see cref="ParseException"/>.
    /// </summary>
    public static MimeMessage ToMime(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage { Subject = email.Subject, MessageId = email.MessageId.Trim('<', '>') };
        try
        {
            message.From.Add(new MailboxAddress(email.From.DisplayName, email.From.Address));
            foreach (var to in email.To)
            {
                message.To.Add(Recipient(email, to));
            }

            if (email.ReplyTo is { } replyTo)
            {
                message.ReplyTo.Add(new MailboxAddress(replyTo.DisplayName, replyTo.Address));
            }

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
                // Replaces a header set above (Auto-Submitted: auto-replied on acknowledgments) instead of repeating it.
                message.Headers[key] = value;
            }

            var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
            message.Body = body.ToMessageBody();
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static MailboxAddress Recipient(OutgoingEmail email, EmailAddress to)
    {
        try
        {
            return new MailboxAddress(to.DisplayName, to.Address);
        }
        catch (ParseException ex)
        {
            throw new PermanentEmailFailureException(
                $"Mail {email.MessageId} cannot be sent to '{to.Address}': MimeKit refuses the address ({ex.Message}).",
                to.Address,
                "the address is not valid",
                inner: ex);
        }
    }
}
