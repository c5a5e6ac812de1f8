using System.Text;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Reads the status page's "add files" form (<c>multipart/form-data</c>, no JavaScript needed) with the request form's
/// limits (<see cref="IntakeOptions"/>: files per post, size per file, whole body, allowed types) through the intake's
/// own <see cref="AttachmentPartReader"/>, so files land where the form's do. The page puts its per-form token before
/// the file input: a file part that comes before a valid token is refused at once, so a forged post stores nothing.
/// </summary>
public sealed class StatusUploadReader(IntakeOptions limits, AttachmentPartReader files, StatusLinks links)
{
    /// <summary>The field id (and error key) of the page's file input.</summary>
    public const string FileField = "attach-files";

    /// <summary>The page's own small fields (<c>action</c>, <c>formToken</c>) are at most this many characters.</summary>
    private const int MaxFieldChars = 256;

    public async Task<StatusUpload> ReadAsync(HttpRequest request, string statusToken, string lang, IntakeUploads uploads, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uploads);
        var total = ConversationTexts.Format(lang, "status.attach.total", limits.MaxRequestBytes / (1024 * 1024));
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return new StatusUpload.TooLarge(total);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary || string.IsNullOrWhiteSpace(boundary))
        {
            return new StatusUpload.Malformed("The multipart body has no valid boundary.");
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = new BoundedStream(request.Body, limits.MaxRequestBytes, () => new UploadTooLargeException());
        var reader = new MultipartReader(boundary, body)
        {
            HeadersLengthLimit = SubmissionReader.MaxPartHeaderBytes,
            HeadersCountLimit = SubmissionReader.MaxPartHeaders,
        };
        var tokenValid = false;
        string? action = null;
        try
        {
            var parts = 0;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (++parts > SubmissionReader.MaxParts)
                {
                    return new StatusUpload.Malformed($"The multipart body has more than {SubmissionReader.MaxParts} parts.");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    if (!tokenValid || action != StatusHandler.AttachAction)
                    {
                        return new StatusUpload.Forbidden();
                    }

                    if (await files.ReadAsync(section, disposition, lang, uploads, errors, FileField, ct) is { } tooLarge)
                    {
                        return new StatusUpload.TooLarge(tooLarge);
                    }

                    continue;
                }

                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "action":
                        action = await ReadFieldAsync(section, ct);
                        break;
                    case "formToken":
                        tokenValid = links.VerifyFormToken(statusToken, await ReadFieldAsync(section, ct), now);
                        break;
                }
            }
        }
        catch (UploadTooLargeException)
        {
            return new StatusUpload.TooLarge(total);
        }
        catch (InvalidDataException)
        {
            return new StatusUpload.Malformed("The multipart body is malformed.");
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException) && ex.Message.StartsWith("Unexpected end of Stream", StringComparison.Ordinal))
        {
            return new StatusUpload.Malformed("The multipart body ends before its closing boundary.");
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            return new StatusUpload.Unreadable(failure);
        }

        if (!tokenValid)
        {
            return new StatusUpload.Forbidden();
        }

        return action == StatusHandler.AttachAction
            ? new StatusUpload.Ok(errors)
            : new StatusUpload.Malformed($"A multipart post of the status page must be action '{StatusHandler.AttachAction}'.");
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken ct)
    {
        using var text = new StreamReader(section.Body, Encoding.UTF8);
        var buffer = new char[MaxFieldChars + 1];
        var length = await text.ReadBlockAsync(buffer, ct);
        // Longer than any token or action: read as not matching, and the rest of the part is skipped by the reader.
        return length > MaxFieldChars ? "" : new string(buffer, 0, length);
    }

    private sealed class UploadTooLargeException() : IOException("The status page upload is too large.");
}
