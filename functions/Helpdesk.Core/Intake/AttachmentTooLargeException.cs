namespace Helpdesk.Core.Intake;

/// <summary>Raised while streaming an attachment when it grows past its limit.</summary>
public sealed class AttachmentTooLargeException(string fileName) : Exception($"Attachment '{fileName}' is over the size limit.")
{
    public string FileName { get; } = fileName;
}
