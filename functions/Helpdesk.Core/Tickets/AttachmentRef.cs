namespace Helpdesk.Core.Tickets;

/// <summary>A file attached to a ticket, stored as a blob; <see cref="FileName"/> is the display name.</summary>
public sealed record AttachmentRef(string FileName, string ContentType, long Length, string BlobName);
