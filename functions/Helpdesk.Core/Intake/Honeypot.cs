namespace Helpdesk.Core.Intake;

/// <summary>
/// The form's hidden <c>website</c> field: people never see it, bots fill every field. A filled honeypot is answered
/// as if accepted (so the bot learns nothing) and nothing is stored.
/// </summary>
public static class Honeypot
{
    public const string Field = "website";

    public static bool IsFilled(TicketSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return !string.IsNullOrEmpty(submission.Website);
    }
}
