using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Email;

/// <summary>Inbound mail (section <c>Helpdesk:Inbound</c>).</summary>
public sealed class InboundOptions
{
    public const string Section = "Helpdesk:Inbound";
    public const long MaxMessageBytesLimit = 100L * 1024 * 1024;

    /// <summary>Largest message accepted by any route or the SMTP listener (raw size); larger gets 413 / SMTP 552. Default 30 MiB.</summary>
    public long MaxMessageBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>
    /// Mailgun's webhook signing key (HMAC-SHA256 over timestamp + token). Without it the Mailgun route refuses every
    /// delivery (401): that route has no other authentication.
    /// </summary>
    public string? MailgunSigningKey { get; set; }

    /// <summary>How old (or how far ahead) a Mailgun timestamp may be; older deliveries are refused as stale.</summary>
    public TimeSpan MailgunMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A reply to a resolved ticket reopens it within this time after resolution; later it opens a new, linked ticket.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Other addresses of the support mailbox (aliases) the SMTP listener accepts, besides <c>Helpdesk:SupportAddress</c>.</summary>
    public IList<string> Aliases { get; } = [];

    /// <summary>The tenant's email policy: a mail says nothing about impact or urgency, so tickets start from these (a technician triages).</summary>
    public Impact Impact { get; set; } = Impact.Individual;

    /// <summary>See <see cref="Impact"/>.</summary>
    public CanWork CanWork { get; set; } = CanWork.Partly;

    /// <summary>Category of a ticket opened by mail.</summary>
    public Category Category { get; set; } = Category.Other;

    /// <summary>Attachments kept per mail (files, inline images); the rest are listed on the timeline as not kept.</summary>
    public int MaxAttachments { get; set; } = 20;
}
