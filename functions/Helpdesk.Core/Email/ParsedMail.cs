using MimeKit;

namespace Helpdesk.Core.Email;

/// <summary>What the product reads from one inbound message (see <see cref="MailParser"/>).</summary>
public sealed class ParsedMail
{
    /// <summary>The Message-ID without angle brackets; null when absent or empty.</summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// What makes two deliveries "the same mail": <c>mid:{Message-ID}</c>, or when there is none a hash of sender, date,
    /// subject, text and attachments (<c>sha:…</c>), which survives relays adding headers.
    /// </summary>
    public required string DedupeKey { get; init; }

    public MailboxAddress? From { get; init; }
    public MailboxAddress? ReplyTo { get; init; }
    public MailboxAddress? Sender { get; init; }

    /// <summary>The Return-Path address: null when the header is absent, empty for the null sender <c>&lt;&gt;</c>.</summary>
    public string? ReturnPath { get; init; }

    public required string Subject { get; init; }

    /// <summary>The readable text: the text part, or the HTML converted to text when there is no usable text part.</summary>
    public required string Text { get; init; }

    /// <summary>The HTML body after sanitizing (scripts, handlers, remote content removed); null without HTML.</summary>
    public string? SanitizedHtml { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>In-Reply-To then References, without angle brackets.</summary>
    public IReadOnlyList<string> ThreadIds { get; init; } = [];

    /// <summary>
    /// Message-IDs the mail refers to besides its threading headers: X-Original-Message-ID, and the Message-ID,
    /// In-Reply-To and References of a message it returns (bounces) or quotes in its text.
    /// </summary>
    public IReadOnlyList<string> ReferencedIds { get; init; } = [];

    /// <summary>To, Cc, Delivered-To, X-Original-To, Envelope-To addresses (plus-addressed replies arrive here).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public required HeaderList Headers { get; init; }

    /// <summary>A multipart/report with delivery status, or a returned message: the structural sign of a bounce.</summary>
    public bool IsDeliveryReport { get; init; }

    /// <summary>What the delivery report says (action, status, recipient), for the timeline; null otherwise.</summary>
    public string? DeliveryStatus { get; init; }

    /// <summary>Some bytes could not be decoded in the declared (or guessed) charset: the text has replacement characters.</summary>
    public bool DecodingTrouble { get; init; }

    /// <summary>The language declared in the headers (Content-Language, Accept-Language), if any.</summary>
    public string? DeclaredLanguage { get; init; }

    /// <summary>The address to answer: Reply-To, else From, else Sender.</summary>
    public MailboxAddress? Requester => ReplyTo ?? From ?? Sender;

    public string Header(string name) => Headers[name] ?? "";
}
