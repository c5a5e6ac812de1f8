using Helpdesk.Core.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Core.Intake;

/// <summary>
/// One file part of a multipart body, checked with the intake's limits (<see cref="IntakeOptions"/>: count, size per
/// file, allowed types) and streamed to the attachments container (<see cref="AttachmentStore"/>). Shared by every
/// page that takes files from a requester — the request form and the status page — so both refuse the same files
/// with the same words.
/// </summary>
public sealed class AttachmentPartReader(IntakeOptions limits, AttachmentStore attachments, ILogger<AttachmentPartReader> logger)
{
    /// <summary>
    /// Reads one file part: refused beside <paramref name="errorField"/> in <paramref name="errors"/> (in the
    /// requester's language) when its name, declared type or first bytes do not fit an allowed type, or when it is one
    /// too many; else streamed to storage and added to <paramref name="uploads"/>. Returns a refusal of the whole
    /// request when the file is larger than <see cref="IntakeOptions.MaxAttachmentBytes"/> (the rest of the body is
    /// not read), or null to go on.
    /// </summary>
    public async Task<string?> ReadAsync(MultipartSection section, ContentDispositionHeaderValue disposition, string lang,
        IntakeUploads uploads, IDictionary<string, string> errors, string errorField, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(disposition);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(errors);
        var rawName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        if (rawName.Length == 0)
        {
            // An empty file input sends a part without a name: nothing attached.
            await section.Body.CopyToAsync(Stream.Null, ct);
            return null;
        }

        var fileName = AttachmentStore.DisplayName(rawName);
        if (uploads.Files.Count >= limits.MaxAttachments)
        {
            errors[errorField] = Texts.Format(lang, "error.attachments.count", limits.MaxAttachments);
            await section.Body.CopyToAsync(Stream.Null, ct);
            return null;
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var declared = MediaTypeHeaderValue.TryParse(section.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : section.ContentType;
        var type = limits.AllowedExtensions.Contains(extension) ? AttachmentTypes.ForExtension(extension) : null;
        if (type is null || !type.Accepts(declared))
        {
            // Executables, scripts and web pages never pass: their extensions and types are not among the allowed ones.
            IntakeLog.AttachmentRefused(logger, extension, declared ?? "none", type is null ? "extension not allowed" : "declared type does not match the extension");
            errors[errorField] = Texts.Format(lang, "error.attachments.type", fileName);
            await section.Body.CopyToAsync(Stream.Null, ct);
            return null;
        }

        // Only the first bytes are held: enough for every signature, and for spotting a web page in a text file.
        var head = new byte[AttachmentTypes.HeadLength];
        var headLength = await section.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (!type.MatchesHead(head.AsMemory(0, headLength)))
        {
            IntakeLog.AttachmentRefused(logger, extension, declared ?? "none", "content does not match the type");
            errors[errorField] = Texts.Format(lang, "error.attachments.content", fileName);
            await section.Body.CopyToAsync(Stream.Null, ct);
            return null;
        }

        try
        {
            await attachments.UploadAsync(uploads, fileName, type, head.AsMemory(0, headLength), section.Body, limits.MaxAttachmentBytes, ct);
        }
        catch (AttachmentTooLargeException)
        {
            return Texts.Format(lang, "error.attachments.size", fileName, limits.MaxAttachmentBytes / (1024 * 1024));
        }
        catch (AttachmentContentException)
        {
            IntakeLog.AttachmentRefused(logger, extension, declared ?? "none", "text is not UTF-8 without NUL");
            errors[errorField] = Texts.Format(lang, "error.attachments.content", fileName);
            await section.Body.CopyToAsync(Stream.Null, ct);
        }

        return null;
    }
}
