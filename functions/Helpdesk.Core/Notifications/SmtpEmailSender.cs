using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// SMTP relay settings (section <c>Helpdesk:Smtp</c>): smtp4dev locally; the Azure Communication Services SMTP relay,
/// Office 365 or any relay in production. The password comes from Key Vault through an app-setting reference.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Helpdesk:Smtp";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add("Helpdesk:Smtp:Host is required.");
        }

        if (o.Port is < 1 or > 65535)
        {
            errors.Add("Helpdesk:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out _) && !o.Security.Equals("Auto", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Helpdesk:Smtp:Security must be Auto, StartTls, SslOnConnect or None.");
        }

        if (o.Password?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            errors.Add("Helpdesk:Smtp:Password is an unresolved Key Vault reference: check the app's access to the vault.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

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
