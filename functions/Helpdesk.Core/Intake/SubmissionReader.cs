using System.Text;
using System.Text.Json;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Reads a ticket submission from urlencoded, multipart or JSON bodies. Every limit is checked while the body
/// streams: the declared length first, then bytes actually read, then each attachment as it uploads.
/// </summary>
public sealed class SubmissionReader(IntakeOptions limits, AttachmentStore attachments)
{
    private const int MaxFieldBytes = 32 * 1024;

    public async Task<ReadResult> ReadAsync(HttpRequest request, string lang, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return new ReadResult.UnsupportedMediaType(request.ContentType);
        }

        var media = mediaType.MediaType.Value?.ToLowerInvariant();
        return media switch
        {
            "application/x-www-form-urlencoded" => await ReadSmallAsync(request, SubmissionFormat.UrlEncoded, ct),
            "application/json" => await ReadSmallAsync(request, SubmissionFormat.Json, ct),
            "multipart/form-data" => await ReadMultipartAsync(request, mediaType, lang, ct),
            _ => new ReadResult.UnsupportedMediaType(request.ContentType),
        };
    }

    private async Task<ReadResult> ReadSmallAsync(HttpRequest request, SubmissionFormat format, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxFormBytes)
        {
            return new ReadResult.TooLarge($"The request body is larger than {limits.MaxFormBytes} bytes.", format, null);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limits.MaxFormBytes)
            {
                return new ReadResult.TooLarge($"The request body is larger than {limits.MaxFormBytes} bytes.", format, null);
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (format == SubmissionFormat.Json)
        {
            try
            {
                var submission = JsonSerializer.Deserialize<TicketSubmission>(text, HelpdeskJson.Options);
                return submission is null
                    ? new ReadResult.Malformed("The JSON body is empty.")
                    : new ReadResult.Ok(format, submission, [], new Dictionary<string, string>());
            }
            catch (JsonException ex)
            {
                return new ReadResult.Malformed($"The JSON body is not valid: {ex.Message}");
            }
        }

        var fields = QueryHelpers.ParseQuery(text);
        return new ReadResult.Ok(format, FromFields(name => fields.TryGetValue(name, out var v) ? v.ToString() : null), [],
            new Dictionary<string, string>());
    }

    private async Task<ReadResult> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, string lang, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return new ReadResult.TooLarge($"The request body is larger than {limits.MaxRequestBytes / (1024 * 1024)} MB.", SubmissionFormat.Multipart, null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            return new ReadResult.Malformed("The multipart body has no valid boundary.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<AttachmentRef>();
        var fileErrors = new Dictionary<string, string>();
        var uploadId = Guid.NewGuid().ToString("N");
        var body = new BoundedStream(request.Body, limits.MaxRequestBytes, () => new RequestTooLargeException());
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    if (fileName.Length == 0)
                    {
                        // An empty file input sends a part without a name: nothing attached.
                        await section.Body.CopyToAsync(Stream.Null, ct);
                        continue;
                    }

                    if (files.Count >= limits.MaxAttachments)
                    {
                        fileErrors["attachments"] = Texts.Format(lang, "error.attachments.count", limits.MaxAttachments);
                        await section.Body.CopyToAsync(Stream.Null, ct);
                        continue;
                    }

                    var contentType = section.ContentType ?? "application/octet-stream";
                    if (!IsAllowed(fileName, contentType))
                    {
                        fileErrors["attachments"] = Texts.Format(lang, "error.attachments.type", AttachmentStore.SafeName(fileName));
                        await section.Body.CopyToAsync(Stream.Null, ct);
                        continue;
                    }

                    try
                    {
                        files.Add(await attachments.UploadAsync(uploadId, files.Count, fileName, contentType, section.Body, limits.MaxAttachmentBytes, ct));
                    }
                    catch (AttachmentTooLargeException)
                    {
                        await attachments.DeleteAsync(files, ct);
                        var message = Texts.Format(lang, "error.attachments.size", AttachmentStore.SafeName(fileName), limits.MaxAttachmentBytes / (1024 * 1024));
                        return new ReadResult.TooLarge(message, SubmissionFormat.Multipart, FromFields(n => fields.GetValueOrDefault(n)));
                    }
                }
                else
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    var buffer = new char[MaxFieldBytes + 1];
                    var length = await text.ReadBlockAsync(buffer, ct);
                    if (length > MaxFieldBytes)
                    {
                        await attachments.DeleteAsync(files, ct);
                        return new ReadResult.TooLarge($"The field '{name}' is larger than {MaxFieldBytes} bytes.", SubmissionFormat.Multipart, null);
                    }

                    fields[name] = new string(buffer, 0, length);
                }
            }
        }
        catch (RequestTooLargeException)
        {
            await attachments.DeleteAsync(files, ct);
            return new ReadResult.TooLarge($"The request body is larger than {limits.MaxRequestBytes / (1024 * 1024)} MB.", SubmissionFormat.Multipart,
                FromFields(n => fields.GetValueOrDefault(n)));
        }
        catch (IOException ex) when (ex is not RequestTooLargeException)
        {
            await attachments.DeleteAsync(files, ct);
            return new ReadResult.Malformed("The multipart body is malformed: " + ex.Message);
        }

        return new ReadResult.Ok(SubmissionFormat.Multipart, FromFields(n => fields.GetValueOrDefault(n)), files, fileErrors);
    }

    private bool IsAllowed(string fileName, string contentType)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!limits.AllowedExtensions.Contains(extension))
        {
            return false;
        }

        // Executables and scripts never pass, whatever the extension claims.
        return !contentType.Contains("x-msdownload", StringComparison.OrdinalIgnoreCase)
               && !contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
               && !contentType.Contains("x-sh", StringComparison.OrdinalIgnoreCase)
               && !contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
    }

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
        Website = field("website"),
        FormToken = field("formToken"),
    };

    private sealed class RequestTooLargeException() : IOException("The request body is too large.");
}
