using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>An attachment stored during a request: the ticket's reference and the SHA-256 of its content (hex), computed while it streamed.</summary>
public sealed record UploadedFile(AttachmentRef Attachment, string Sha256);
