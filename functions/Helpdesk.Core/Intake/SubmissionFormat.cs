namespace Helpdesk.Core.Intake;

/// <summary>How the submission arrived, which decides the shape of the answer.</summary>
public enum SubmissionFormat
{
    UrlEncoded,
    Multipart,
    Json,
}
