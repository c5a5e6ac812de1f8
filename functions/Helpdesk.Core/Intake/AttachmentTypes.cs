using System.Collections.Frozen;
using System.Text;

namespace Helpdesk.Core.Intake;

/// <summary>
/// The file types intake can check, by extension. A file passes when its extension is allowed
/// (<see cref="IntakeOptions.AllowedExtensions"/>), its declared content type agrees, and its content is what the
/// extension says: magic bytes for binary formats (PDF, PNG, JPEG, GIF, WebP, ZIP-based Office files, OLE .msg), UTF-8
/// text without NUL (and not a web page) for .txt/.log/.csv/.eml. Only the first <see cref="HeadLength"/> bytes are
/// held in memory for the check; text is validated as it streams.
/// </summary>
public static class AttachmentTypes
{
    /// <summary>How many leading bytes are read before a file is uploaded, to check its signature.</summary>
    public const int HeadLength = 512;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly FrozenDictionary<string, AttachmentType> ByExtension = new Dictionary<string, AttachmentType>
    {
        [".pdf"] = new("application/pdf", ["application/x-pdf"], [Ascii("%PDF-")]),
        [".png"] = new("image/png", [], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".jpg"] = new("image/jpeg", ["image/jpg", "image/pjpeg"], [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = new("image/jpeg", ["image/jpg", "image/pjpeg"], [[0xFF, 0xD8, 0xFF]]),
        [".gif"] = new("image/gif", [], [Ascii("GIF87a"), Ascii("GIF89a")]),
        // RIFF, 4 bytes of length, WEBP.
        [".webp"] = new("image/webp", [], [Ascii("RIFF")], extraCheck: head => head.Length >= 12 && head.Span[8..12].SequenceEqual("WEBP"u8)),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [], [Zip]),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [], [Zip]),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [], [Zip]),
        [".zip"] = new("application/zip", ["application/x-zip-compressed", "application/x-zip", "multipart/x-zip"], [Zip]),
        [".msg"] = new("application/vnd.ms-outlook", ["application/x-msg"], [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]),
        [".txt"] = new("text/plain", [], [], isText: true),
        [".log"] = new("text/plain", ["text/x-log"], [], isText: true),
        [".csv"] = new("text/csv", ["text/plain", "application/csv", "text/x-csv", "application/vnd.ms-excel"], [], isText: true),
        [".eml"] = new("message/rfc822", ["text/plain"], [], isText: true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every extension intake knows how to check; <see cref="IntakeOptions.AllowedExtensions"/> must be among these.</summary>
    public static IReadOnlyCollection<string> KnownExtensions => ByExtension.Keys;

    /// <summary>The type of a lower-case extension with its dot, or null when intake cannot check it.</summary>
    public static AttachmentType? ForExtension(string extension) => ByExtension.GetValueOrDefault(extension);

    /// <summary>A text head that is in fact a web page or an SVG image (refused: browsers would run its scripts).</summary>
    internal static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[3..];
        }

        var text = Encoding.UTF8.GetString(head).TrimStart();
        if (!text.StartsWith('<'))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        return lower.Contains("<html", StringComparison.Ordinal) || lower.Contains("<!doctype html", StringComparison.Ordinal)
            || lower.Contains("<svg", StringComparison.Ordinal) || lower.Contains("<script", StringComparison.Ordinal)
            || lower.Contains("<body", StringComparison.Ordinal) || lower.Contains("<iframe", StringComparison.Ordinal);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
