namespace Helpdesk.Core.Email;

/// <summary>The inbound mail routes (one per delivery format); both hosts bind these names and the parity test compares them.</summary>
public static class InboundRoutes
{
    /// <summary>A raw RFC 5322 message (<c>message/rfc822</c>): relays, pipes, Logic Apps.</summary>
    public const string Raw = "inbound/email/raw";

    /// <summary>SendGrid Inbound Parse, parsed mode or raw mode (field <c>email</c>).</summary>
    public const string SendGrid = "inbound/email/sendgrid";

    /// <summary>Mailgun routes (store/forward fields or <c>body-mime</c>), authenticated by Mailgun's HMAC signature.</summary>
    public const string Mailgun = "inbound/email/mailgun";

    /// <summary>Postmark inbound JSON (<c>RawEmail</c> when present).</summary>
    public const string Postmark = "inbound/email/postmark";
}
