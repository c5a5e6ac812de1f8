namespace Helpdesk.Core.Email;

/// <summary>A file carried by a mail: an attachment, an inline image, or a message it forwards or returns (as <c>.eml</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, bool Inline);
