using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ganss.Xss;
using MimeKit;

namespace Helpdesk.Core.Email;

/// <summary>
/// Reads a raw message with MimeKit, leniently: every charset MimeKit knows (code pages registered), mislabelled or
/// raw 8-bit headers decoded by its UTF-8-then-Latin-1 fallback, broken folding and missing boundaries tolerated. A
/// message is never refused for its charset: what cannot be decoded becomes replacement characters and
/// <see cref="ParsedMail.DecodingTrouble"/> says so (the raw bytes stay in Blob storage).
/// </summary>
public static partial class MailParser
{
    private static readonly ParserOptions Options = CreateOptions();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <exception cref="UnreadableMailException">Nothing of a mail can be read (no header block, no sender).</exception>
    public static ParsedMail Parse(ReadOnlyMemory<byte> raw)
    {
        try
        {
            return Read(Load(raw));
        }
        catch (Exception ex) when (ex is UnreadableMailException or FormatException && HeaderStart(raw.Span) is > 0 and var start)
        {
            // A line an archiver or MTA put before the headers ("---- Original email message ----", an mbox "From "
            // line): read the message from its first header line.
            return Read(Load(raw[start..]));
        }
    }

    private static MimeMessage Load(ReadOnlyMemory<byte> raw)
    {
        try
        {
            using var stream = new MemoryStream(raw.ToArray(), writable: false);
            return MimeMessage.Load(Options, stream);
        }
        catch (FormatException ex)
        {
            throw new UnreadableMailException("The message has no readable header block.", ex);
        }
    }

    /// <summary>Where the first "Name: value" line starts within the first few lines, or -1.</summary>
    private static int HeaderStart(ReadOnlySpan<byte> raw)
    {
        var offset = 0;
        for (var line = 0; line < 5 && offset < raw.Length; line++)
        {
            var end = raw[offset..].IndexOf((byte)'\n');
            var text = System.Text.Encoding.Latin1.GetString(raw.Slice(offset, end < 0 ? raw.Length - offset : end));
            if (HeaderLine().IsMatch(text))
            {
                return offset;
            }

            if (end < 0)
            {
                break;
            }

            offset += end + 1;
        }

        return -1;
    }

    public static ParsedMail Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From.Mailboxes.FirstOrDefault(m => IsAddress(m.Address));
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault(m => IsAddress(m.Address));
        var sender = message.Sender is { } s && IsAddress(s.Address) ? s : null;
        if (from is null && replyTo is null && sender is null
            && message.Headers[HeaderId.Subject] is null && message.Headers[HeaderId.Date] is null)
        {
            throw new UnreadableMailException("The message has no sender, subject or date header: no header block was found.");
        }

        var html = message.HtmlBody;
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(html))
        {
            text = HtmlToText(html);
        }

        text = Normalize(text ?? "");
        var sanitized = string.IsNullOrWhiteSpace(html) ? null : Sanitizer.Sanitize(html);
        var attachments = new List<MailAttachment>();
        var referenced = new List<string>();
        string? status = null;
        var report = message.Body is MultipartReport;
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case MessageDeliveryStatus dsn:
                    report = true;
                    status = DescribeStatus(dsn) ?? status;
                    attachments.Add(new MailAttachment("delivery-status.txt", "text/plain", Decode(dsn), false));
                    break;
                case MessagePart { Message: { } inner } returned:
                    AddIds(referenced, inner.MessageId);
                    AddIds(referenced, inner.InReplyTo);
                    referenced.AddRange(inner.References);
                    attachments.Add(new MailAttachment(FileName(returned.ContentDisposition?.FileName, inner.Subject, ".eml"), "message/rfc822", Serialize(inner), false));
                    break;
                case TextPart textPart when !textPart.IsAttachment && textPart.ContentId is null:
                    break; // a body part, already read as text or HTML
                case MimePart part:
                    var inline = !part.IsAttachment;
                    attachments.Add(new MailAttachment(FileName(part.FileName, null, Extension(part.ContentType)), part.ContentType.MimeType.ToLowerInvariant(), Decode(part), inline));
                    break;
            }
        }

        AddIds(referenced, message.Headers["X-Original-Message-ID"]);
        var threadIds = new List<string>();
        AddIds(threadIds, message.InReplyTo);
        threadIds.AddRange(message.References.Where(r => !string.IsNullOrWhiteSpace(r)));
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim();
        var subject = Normalize(message.Subject ?? "").Replace('\n', ' ');
        var returnPath = message.Headers[HeaderId.ReturnPath] is { } rp ? rp.Trim().Trim('<', '>').Trim() : null;
        if (report || LooksLikeBounceText(subject))
        {
            foreach (Match m in QuotedMessageId().Matches(text))
            {
                AddIds(referenced, m.Groups[1].Value);
            }
        }

        return new ParsedMail
        {
            MessageId = messageId,
            DedupeKey = messageId is not null ? "mid:" + messageId : "sha:" + ContentHash(from, message, subject, text, attachments),
            From = from,
            ReplyTo = replyTo,
            Sender = sender,
            ReturnPath = returnPath,
            Subject = subject,
            Text = text,
            SanitizedHtml = sanitized,
            Attachments = attachments,
            ThreadIds = [.. threadIds.Distinct(StringComparer.Ordinal)],
            ReferencedIds = [.. referenced.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal)],
            Recipients = Recipients(message),
            Headers = message.Headers,
            IsDeliveryReport = report,
            DeliveryStatus = status,
            DecodingTrouble = text.Contains('\uFFFD', StringComparison.Ordinal) || subject.Contains('\uFFFD', StringComparison.Ordinal),
            DeclaredLanguage = message.Headers["Content-Language"] ?? message.Headers["Accept-Language"],
        };
    }

    /// <summary>HTML as readable text: paragraphs and line breaks kept, tags and entities gone.</summary>
    public static string HtmlToText(string html) => HtmlText.Convert(html);

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\0", "", StringComparison.Ordinal).Trim();

    private static bool IsAddress(string? address) => !string.IsNullOrWhiteSpace(address) && address.Contains('@', StringComparison.Ordinal);

    private static IReadOnlyList<string> Recipients(MimeMessage message)
    {
        var list = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address).ToList();
        foreach (var name in new[] { "Delivered-To", "X-Original-To", "Envelope-To" })
        {
            foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                if (InternetAddressList.TryParse(header.Value, out var parsed))
                {
                    list.AddRange(parsed.Mailboxes.Select(m => m.Address));
                }
            }
        }

        return [.. list.Where(IsAddress).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static void AddIds(List<string> ids, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var found = MessageIdInBrackets().Matches(value).Select(m => m.Groups[1].Value.Trim()).Where(v => v.Length > 0).ToList();
        ids.AddRange(found.Count > 0 ? found : [value.Trim().Trim('<', '>')]);
    }

    private static string? DescribeStatus(MessageDeliveryStatus dsn)
    {
        foreach (var group in dsn.StatusGroups.Skip(1))
        {
            var action = group["Action"]?.Trim();
            var status = group["Status"]?.Trim();
            var recipient = (group["Final-Recipient"] ?? group["Original-Recipient"])?.Split(';').Last().Trim();
            if (action is not null || status is not null)
            {
                return $"{action ?? "failed"} {status}".Trim() + (recipient is null ? "" : $" for {recipient}");
            }
        }

        return null;
    }

    private static bool LooksLikeBounceText(string subject) => BounceSubject().IsMatch(subject);

    private static byte[] Decode(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Decode(MessageDeliveryStatus dsn)
    {
        using var buffer = new MemoryStream();
        dsn.Content?.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Serialize(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    private static string FileName(string? name, string? subject, string extension)
    {
        var chosen = !string.IsNullOrWhiteSpace(name) ? name : !string.IsNullOrWhiteSpace(subject) ? subject + extension : "attachment" + extension;
        return chosen.Trim();
    }

    private static string Extension(ContentType type) => type.MimeType.ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" or "image/jpg" => ".jpg",
        "image/gif" => ".gif",
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "text/html" => ".html",
        _ => ".bin",
    };

    private static string ContentHash(MailboxAddress? from, MimeMessage message, string subject, string text, List<MailAttachment> attachments)
    {
        var canonical = new StringBuilder()
            .Append(from?.Address.ToLowerInvariant()).Append('\n')
            .Append(message.Headers[HeaderId.Date]).Append('\n')
            .Append(subject).Append('\n')
            .Append(text).Append('\n');
        foreach (var a in attachments)
        {
            canonical.Append(a.FileName).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(a.Content))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static ParserOptions CreateOptions()
    {
        return new ParserOptions
        {
            AddressParserComplianceMode = RfcComplianceMode.Looser,
            ParameterComplianceMode = RfcComplianceMode.Looser,
            Rfc2047ComplianceMode = RfcComplianceMode.Looser,
            AllowAddressesWithoutDomain = true,
        };
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Inline images of the mail stay referable by Content-ID; remote resources (tracking pixels) and scripts go.
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Remove("http");
        return sanitizer;
    }

    [GeneratedRegex(@"<([^<>\s]+@[^<>\s]+)>")]
    private static partial Regex MessageIdInBrackets();

    [GeneratedRegex(@"^(From|Return-Path|Received|Date|Subject|To|Message-ID|MIME-Version|Delivered-To|X-[A-Za-z0-9-]+)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(?:Message-ID|X-Original-Message-ID)\s*:\s*<([^<>\s]+@[^<>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex QuotedMessageId();

    [GeneratedRegex(@"undeliver|delivery status|returned mail|mail delivery|non remis|non distribu|unzustellbar|zustellung|failure notice|delivery failure", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();
}
