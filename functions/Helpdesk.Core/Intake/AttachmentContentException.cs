namespace Helpdesk.Core.Intake;

/// <summary>Raised while streaming an attachment when its content is not what its extension says (e.g. a .txt that is not UTF-8 text).</summary>
public sealed class AttachmentContentException(string fileName) : Exception($"Attachment '{fileName}' does not have the content its type requires.")
{
    public string FileName { get; } = fileName;
}
