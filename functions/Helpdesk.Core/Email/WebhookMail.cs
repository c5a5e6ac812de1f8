using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MimeKit;

namespace Helpdesk.Core.Email;

/// <summary>
/// Turns the providers' parsed webhook fields back into one RFC 5322 message, so that every route feeds the same
/// pipeline: the original headers the provider passes on (Message-ID, In-Reply-To, Auto-Submitted...) are kept, the
/// body and attachments are rebuilt from the fields. Raw modes (SendGrid <c>email</c>, Mailgun <c>body-mime</c>,
/// Postmark <c>RawEmail</c>) are used as they are.
/// </summary>
public static class WebhookMail
{
    /// <exception cref="WebhookFormatException">A required field is missing or malformed.</exception>
    public static byte[] FromSendGrid(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form["email"].ToString() is { Length: > 0 } raw)
        {
            return Encoding.UTF8.GetBytes(raw);
        }

        var headers = new List<(string, string)>();
        if (form["headers"].ToString() is { Length: > 0 } block)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(block.TrimEnd() + "\r\n\r\n"));
            try
            {
                var list = HeaderList.Load(stream);
                headers.AddRange(list.Select(h => (h.Field, h.Value)));
            }
            catch (FormatException ex)
            {
                throw new WebhookFormatException("The 'headers' field is not a header block.", ex);
            }
        }

        return Build(headers, form["from"], form["to"], form["subject"], form["text"], form["html"], Files(form));
    }

    public static byte[] FromMailgun(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form["body-mime"].ToString() is { Length: > 0 } raw)
        {
            return Encoding.UTF8.GetBytes(raw);
        }

        var headers = new List<(string, string)>();
        if (form["message-headers"].ToString() is { Length: > 0 } json)
        {
            try
            {
                foreach (var pair in JsonSerializer.Deserialize<List<List<string>>>(json) ?? [])
                {
                    if (pair is [var name, var value])
                    {
                        headers.Add((name, value));
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new WebhookFormatException("The 'message-headers' field is not a JSON list of [name, value] pairs.", ex);
            }
        }

        var from = form["from"].ToString() is { Length: > 0 } f ? f : form["sender"].ToString();
        return Build(headers, from, form["recipient"], form["subject"], form["body-plain"], form["body-html"], Files(form));
    }

    public static byte[] FromPostmark(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("The body is not a Postmark inbound JSON object.");
        }

        if (Text(root, "RawEmail") is { Length: > 0 } raw)
        {
            return Encoding.UTF8.GetBytes(raw);
        }

        var headers = new List<(string, string)>();
        if (root.TryGetProperty("Headers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var h in list.EnumerateArray())
            {
                if (Text(h, "Name") is { Length: > 0 } name && Text(h, "Value") is { } value)
                {
                    headers.Add((name, value));
                }
            }
        }

        if (Text(root, "ReplyTo") is { Length: > 0 } replyTo)
        {
            headers.Add(("Reply-To", replyTo));
        }

        if (Text(root, "Date") is { Length: > 0 } date)
        {
            headers.Add(("Date", date));
        }

        var files = new List<(string, string, byte[], string?)>();
        if (root.TryGetProperty("Attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in attachments.EnumerateArray())
            {
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(Text(a, "Content") ?? "");
                }
                catch (FormatException ex)
                {
                    throw new WebhookFormatException("An attachment's 'Content' is not base64.", ex);
                }

                files.Add((Text(a, "Name") ?? "attachment", Text(a, "ContentType") ?? "application/octet-stream", content, Text(a, "ContentID")));
            }
        }

        var from = Text(root, "From");
        if (root.TryGetProperty("FromFull", out var full) && full.ValueKind == JsonValueKind.Object && Text(full, "Email") is { Length: > 0 } email)
        {
            from = new MailboxAddress(Text(full, "Name") ?? "", email).ToString();
        }

        return Build(headers, from, Text(root, "To"), Text(root, "Subject"), Text(root, "TextBody"), Text(root, "HtmlBody"), files,
            Text(root, "Cc"));
    }

    private static byte[] Build(List<(string Name, string Value)> headers, string? from, string? to, string? subject, string? text, string? html,
        IReadOnlyList<(string Name, string Type, byte[] Content, string? ContentId)> files, string? cc = null)
    {
        var message = new MimeMessage();
        // A new MimeMessage starts with an empty From and Subject and a fresh random Message-ID: none may survive, or a
        // redelivery would look like another mail and an empty sender like a real one.
        message.Headers.Clear();
        foreach (var (name, value) in headers)
        {
            // The body is rebuilt below: the original's MIME headers would describe another structure.
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || name.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase)
                || !IsFieldName(name))
            {
                continue;
            }

            message.Headers.Add(new Header(name, Clean(value)));
        }

        SetIfMissing(message, HeaderId.From, from);
        SetIfMissing(message, HeaderId.To, to);
        SetIfMissing(message, HeaderId.Cc, cc);
        SetIfMissing(message, HeaderId.Subject, subject);
        if (!message.Headers.Contains(HeaderId.From))
        {
            throw new WebhookFormatException("The delivery has no sender ('from').");
        }

        var body = new BodyBuilder { TextBody = string.IsNullOrEmpty(text) ? null : text, HtmlBody = string.IsNullOrEmpty(html) ? null : html };
        foreach (var (name, type, content, contentId) in files)
        {
            var contentType = ContentType.TryParse(type, out var parsed) ? parsed : new ContentType("application", "octet-stream");
            var entity = contentId is { Length: > 0 } ? body.LinkedResources.Add(name, content, contentType) : body.Attachments.Add(name, content, contentType);
            if (contentId is { Length: > 0 })
            {
                entity.ContentId = contentId.Trim('<', '>');
            }
        }

        message.Headers.Add(HeaderId.MimeVersion, "1.0");
        message.Body = body.ToMessageBody();
        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer);
        return buffer.ToArray();
    }

    private static void SetIfMissing(MimeMessage message, HeaderId id, string? value)
    {
        if (!message.Headers.Contains(id) && !string.IsNullOrWhiteSpace(value))
        {
            message.Headers.Add(new Header(id, Clean(value)));
        }
    }

    private static string Clean(string value) => value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal);

    private static bool IsFieldName(string name) => name.Length is > 0 and <= 200 && name.All(c => c is > ' ' and < (char)127 and not ':');

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<(string, string, byte[], string?)> Files(IFormCollection form)
    {
        var files = new List<(string, string, byte[], string?)>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            file.CopyTo(buffer);
            files.Add((file.FileName, file.ContentType ?? "application/octet-stream", buffer.ToArray(), null));
        }

        return files;
    }
}
