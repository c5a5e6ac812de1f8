
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
