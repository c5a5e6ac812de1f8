namespace Helpdesk.Core.Tickets;

/// <summary>A file attached to a ticket, stored as a blob; <see cref="FileName"/> is the display name.</summary>
public sealed record AttachmentRef(string FileName, string ContentType, long Length, string BlobName)
{
    /// <summary>SHA-256 of the content (lower-case hex), computed while it was stored; null for files stored before it was kept. Lets a re-sent file be recognised.</summary>
    public string? Sha256 { get; init; }
}
