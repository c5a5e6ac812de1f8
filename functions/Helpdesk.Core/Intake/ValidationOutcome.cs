namespace Helpdesk.Core.Intake;

/// <summary>The typed submission, or the field errors in the requester's language.</summary>
public sealed record ValidationOutcome(ValidSubmission? Valid, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Valid is not null;
}
