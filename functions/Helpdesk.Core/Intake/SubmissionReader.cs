using System.Text;
using System.Text.Json;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Reads a ticket submission from urlencoded, multipart or JSON bodies. Every limit is checked while the body
/// streams: the declared length first, then bytes actually read, then each attachment as it uploads (its first bytes
/// are checked against its type before anything is stored). A body that cannot be read or parsed gets an answer in
/// our words (<see cref="ReadResult.Malformed"/>, <see cref="ReadResult.Unreadable"/>), never the parser's or the
/// server's message. Files go to <see cref="IntakeUploads"/>, which deletes them unless a ticket takes them.
/// </summary>
public sealed class SubmissionReader(IntakeOptions limits, AttachmentPartReader files, ILogger<SubmissionReader> logger)
{
    private const int MaxFieldBytes = 32 * 1024;

    /// <summary>Headers of one multipart part: at most this many...</summary>
    public const int MaxPartHeaders = 16;

    /// <summary>...of at most this many bytes in all (also the most that may come before the first boundary).</summary>
    public const int MaxPartHeaderBytes = 16 * 1024;

    /// <summary>Parts of a multipart body: the fields, the files and room for empty file inputs.</summary>
    public const int MaxParts = 64;

    /// <summary>What the multipart parser accepts after a boundary on its line (a fixed limit of the parser).</summary>
    public const int MaxBoundaryLineSuffix = 100;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Field names, as in the form, the JSON and the docs.</summary>
    private static readonly string[] FieldNames =
        ["name", "email", "phone", "subject", "description", "category", "impact", "canWork", "assetTag", "lang", Honeypot.Field, "formToken"];

    /// <summary>Fields with one of a few values: a second value is "not one of the options".</summary>
    private static readonly string[] ChoiceFields = ["category", "impact", "canWork", "lang"];

    public async Task<ReadResult> ReadAsync(HttpRequest request, string lang, IntakeUploads uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return new ReadResult.UnsupportedMediaType(request.ContentType);
        }

        var media = mediaType.MediaType.Value?.ToLowerInvariant();
        try
        {
            return media switch
            {
                "application/x-www-form-urlencoded" => await ReadSmallAsync(request, SubmissionFormat.UrlEncoded, lang, ct),
                "application/json" => await ReadSmallAsync(request, SubmissionFormat.Json, lang, ct),
                "multipart/form-data" => await ReadMultipartAsync(request, mediaType, lang, uploads, ct),
                _ => new ReadResult.UnsupportedMediaType(request.ContentType),
            };
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            IntakeLog.RequestBodyUnreadable(logger, ex, failure.StatusCode);
            return new ReadResult.Unreadable(failure);
        }
    }

    private async Task<ReadResult> ReadSmallAsync(HttpRequest request, SubmissionFormat format, string lang, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxFormBytes)
        {
            return new ReadResult.TooLarge($"The request body is larger than {limits.MaxFormBytes} bytes.", format, null);
        }

        using var buffer = new MemoryStream();
        try
        {
            await new BoundedStream(request.Body, limits.MaxFormBytes, () => new RequestTooLargeException()).CopyToAsync(buffer, ct);
        }
        catch (RequestTooLargeException)
        {
            return new ReadResult.TooLarge($"The request body is larger than {limits.MaxFormBytes} bytes.", format, null);
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (format == SubmissionFormat.Json)
        {
            return ReadJson(body, lang);
        }

        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body.Span));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in FieldNames)
        {
            var value = fields.TryGetValue(field, out var v) ? v : StringValues.Empty;
            values[field] = value.Count == 0 ? null : value[0];
            if (value.Count > 1)
            {
                Repeated(errors, field, lang);
            }
        }

        return new ReadResult.Ok(format, FromFields(n => values[n]), errors);
    }

    /// <summary>
    /// The JSON body: an object whose known properties (case-insensitive, as everywhere in the API) are strings or
    /// null; other properties are ignored. Errors say where, in our words: "The field 'impact' must be a string.",
    /// "The JSON body is not valid at line 1, position 12." (from <see cref="JsonException.LineNumber"/> and
    /// <see cref="JsonException.BytePositionInLine"/>, counted from 1).
    /// </summary>
    private ReadResult ReadJson(ReadOnlyMemory<byte> body, string lang)
    {
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Malformed("The JSON body is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return Malformed($"The JSON body is not valid at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Malformed("The JSON body must be an object of fields, such as {\"name\": \"...\", \"email\": \"...\"}.");
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // The parser checks the structure; names and values are decoded only when read, and text that is not
                // valid UTF-8 or holds a lone surrogate escape (\ud800) cannot become a string.
                if (!TryDecode(() => property.Name, out var name))
                {
                    return Malformed("The JSON body holds a field name that is not valid text (invalid UTF-8 or a lone \\u surrogate).");
                }

                var field = Array.Find(FieldNames, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
                if (field is null)
                {
                    continue;
                }

                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return Malformed($"The field '{field}' must be a string.");
                }

                if (!TryDecode(() => property.Value.GetString(), out var value))
                {
                    return Malformed($"The field '{field}' is not valid text (invalid UTF-8 or a lone \\u surrogate).");
                }

                if (!values.TryAdd(field, value))
                {
                    Repeated(errors, field, lang);
                }
            }

            return new ReadResult.Ok(SubmissionFormat.Json, FromFields(n => values.GetValueOrDefault(n)), errors);
        }
    }

    private static bool TryDecode(Func<string?> read, out string? text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private ReadResult.Malformed Malformed(string detail)
    {
        IntakeLog.JsonMalformed(logger, detail);
        return new ReadResult.Malformed(detail);
    }

    private async Task<ReadResult> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, string lang, IntakeUploads uploads, CancellationToken ct)
    {
        var tooLarge = $"The request body is larger than {limits.MaxRequestBytes / (1024 * 1024)} MB.";
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return new ReadResult.TooLarge(tooLarge, SubmissionFormat.Multipart, null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            return new ReadResult.Malformed("The multipart body has no valid boundary.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = new BoundedStream(request.Body, limits.MaxRequestBytes, () => new RequestTooLargeException());
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = MaxPartHeaderBytes, HeadersCountLimit = MaxPartHeaders };
        TicketSubmission Partial() => FromFields(n => fields.GetValueOrDefault(n));
        try
        {
            var parts = 0;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (++parts > MaxParts)
                {
                    return MultipartMalformed($"it has more than {MaxParts} parts.", null);
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (await ReadFileAsync(section, disposition, lang, uploads, errors, ct) is { } refusal)
                    {
                        return refusal with { Partial = Partial() };
                    }

                    continue;
                }

                var field = Array.Find(FieldNames, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
                if (field is null)
                {
                    continue; // not ours: the reader skips its content
                }

                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[MaxFieldBytes + 1];
                var length = await text.ReadBlockAsync(buffer, ct);
                if (length > MaxFieldBytes)
                {
                    return new ReadResult.TooLarge($"The field '{field}' is larger than {MaxFieldBytes} bytes.", SubmissionFormat.Multipart, null);
                }

                if (!fields.TryAdd(field, new string(buffer, 0, length)))
                {
                    Repeated(errors, field, lang);
                }
            }
        }
        catch (RequestTooLargeException)
        {
            return new ReadResult.TooLarge(tooLarge, SubmissionFormat.Multipart, Partial());
        }
        catch (InvalidDataException ex)
        {
            return MultipartMalformed(MultipartProblem(ex), ex);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException) && ex.Message.StartsWith("Unexpected end of Stream", StringComparison.Ordinal))
        {
            // The parser's own end of stream; the server's errors (bad framing, a reset) are answered as unreadable.
            return MultipartMalformed("it ends before its closing boundary.", ex);
        }

        return new ReadResult.Ok(SubmissionFormat.Multipart, Partial(), errors);
    }

    /// <summary>One file part, checked and stored by <see cref="AttachmentPartReader"/>; a refusal of the whole request (too large), or null to go on.</summary>
    private async Task<ReadResult.TooLarge?> ReadFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, string lang,
        IntakeUploads uploads, Dictionary<string, string> errors, CancellationToken ct) =>
        await files.ReadAsync(section, disposition, lang, uploads, errors, "attachments", ct) is { } tooLarge
            ? new ReadResult.TooLarge(tooLarge, SubmissionFormat.Multipart, null)
            : null;

    private ReadResult.Malformed MultipartMalformed(string reason, Exception? ex)
    {
        if (ex is not null)
        {
            IntakeLog.MultipartMalformed(logger, ex, reason);
        }

        return new ReadResult.Malformed("The multipart body is malformed: " + reason);
    }

    /// <summary>What the multipart parser's refusal means, in our words (its messages are matched, never shown).</summary>
    private static string MultipartProblem(InvalidDataException ex) => ex.Message switch
    {
        var m when m.StartsWith("Invalid header line: --", StringComparison.Ordinal) => "a part ends before its headers (each part needs its headers and a blank line).",
        var m when m.StartsWith("Invalid header line", StringComparison.Ordinal) => "a part header has no name.",
        var m when m.Contains("count limit", StringComparison.Ordinal) => $"a part has more than {MaxPartHeaders} headers.",
        var m when m.Contains("before the first boundary", StringComparison.Ordinal) => $"more than {MaxPartHeaderBytes / 1024} KB come before the first boundary.",
        var m when m.Contains("header", StringComparison.OrdinalIgnoreCase) && m.Contains("length limit", StringComparison.Ordinal) =>
            $"the headers of a part are longer than {MaxPartHeaderBytes / 1024} KB.",
        var m when m.Contains("Line length limit", StringComparison.Ordinal) => $"more than {MaxBoundaryLineSuffix} characters follow a boundary on its line.",
        _ => "it is not valid multipart/form-data.",
    };

    private static void Repeated(Dictionary<string, string> errors, string field, string lang) =>
        errors[field] = Texts.Get(lang, ChoiceFields.Contains(field) ? "error.choice" : "error.repeated");

    private static TicketSubmission FromFields(Func<string, string?> field) => new()
    {
        Name = field("name"),
        Email = field("email"),
        Phone = field("phone"),
        Subject = field("subject"),
        Description = field("description"),
        Category = field("category"),
        Impact = field("impact"),
        CanWork = field("canWork"),
        AssetTag = field("assetTag"),
        Lang = field("lang"),
        Website = field(Honeypot.Field),
        FormToken = field("formToken"),
    };

    private sealed class RequestTooLargeException() : IOException("The request body is too large.");
}
