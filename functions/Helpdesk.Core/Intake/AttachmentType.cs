namespace Helpdesk.Core.Intake;

/// <summary>
/// What a file of an allowed extension must look like: the content type it is stored with, the types a client may
/// declare for it, and how its first bytes (or, for text, its whole content) are checked. See <see cref="AttachmentTypes"/>.
/// </summary>
public sealed class AttachmentType
{
    internal AttachmentType(string contentType, IReadOnlyList<string> declaredTypes, IReadOnlyList<byte[]> signatures, bool isText = false,
        Func<ReadOnlyMemory<byte>, bool>? extraCheck = null)
    {
        ContentType = contentType;
        DeclaredTypes = declaredTypes;
        Signatures = signatures;
        IsText = isText;
        _extraCheck = extraCheck;
    }

    private readonly Func<ReadOnlyMemory<byte>, bool>? _extraCheck;

    /// <summary>The content type the blob is stored with, whatever the client declared.</summary>
    public string ContentType { get; }

    /// <summary>Types a client may declare besides <see cref="ContentType"/> (browsers differ); octet-stream is always accepted.</summary>
    public IReadOnlyList<string> DeclaredTypes { get; }

    /// <summary>Magic bytes, one of which must start the file (none for text).</summary>
    public IReadOnlyList<byte[]> Signatures { get; }

    /// <summary>Text files: the whole content must be UTF-8 without NUL, and must not be a web page.</summary>
    public bool IsText { get; }

    /// <summary>Whether a client may declare <paramref name="mediaType"/> (lower case, no parameters) for this type.</summary>
    public bool Accepts(string? mediaType) =>
        string.IsNullOrEmpty(mediaType) || mediaType == "application/octet-stream" || mediaType == ContentType || DeclaredTypes.Contains(mediaType);

    /// <summary>Whether the first bytes of the file (up to <see cref="AttachmentTypes.HeadLength"/>) fit this type.</summary>
    public bool MatchesHead(ReadOnlyMemory<byte> head)
    {
        if (IsText)
        {
            return !AttachmentTypes.LooksLikeMarkup(head.Span);
        }

        var span = head.Span;
        foreach (var signature in Signatures)
        {
            if (span.StartsWith(signature))
            {
                return _extraCheck?.Invoke(head) ?? true;
            }
        }

        return false;
    }
}
