namespace Helpdesk.Core.Email;

/// <summary>How a message reached the product: one of the webhook formats, or the standalone host's SMTP listener.</summary>
public enum InboundFormat
{
    Raw,
    SendGrid,
    Mailgun,
    Postmark,
    Smtp,
}
