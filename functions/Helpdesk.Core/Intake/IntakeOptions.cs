namespace Helpdesk.Core.Intake;

/// <summary>
/// Explicit limits of the intake endpoint (section <c>Helpdesk:Intake</c>). Every limit is enforced while the body
/// streams in, so an oversized request is refused before it is stored.
/// </summary>
public sealed class IntakeOptions
{
    public const string Section = "Helpdesk:Intake";

    /// <summary>Largest urlencoded or JSON body, in bytes.</summary>
    public int MaxFormBytes { get; init; } = 64 * 1024;

    public int MaxAttachments { get; init; } = 5;

    public long MaxAttachmentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Largest multipart body, all parts included.</summary>
    public long MaxRequestBytes { get; init; } = 26 * 1024 * 1024;

    /// <summary>Allowed attachment extensions (lower case, with dot); the declared content type must agree.</summary>
    public IReadOnlyList<string> AllowedExtensions { get; init; } =
        [".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".txt", ".log", ".csv", ".docx", ".xlsx", ".pptx", ".eml", ".msg", ".zip"];

    public int MaxNameLength { get; init; } = 100;
    public int MaxSubjectLength { get; init; } = 150;
    public int MaxDescriptionLength { get; init; } = 8000;
}
