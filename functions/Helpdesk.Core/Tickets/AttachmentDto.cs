namespace Helpdesk.Core.Tickets;

/// <summary>An attachment as technicians see it (the blob name stays internal).</summary>
public sealed record AttachmentDto(string FileName, string ContentType, long Length);
