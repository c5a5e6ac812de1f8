using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>What reading a submission gave: the fields and stored files, or why it was refused.</summary>
public abstract record ReadResult
{
    public sealed record Ok(SubmissionFormat Format, TicketSubmission Submission, IReadOnlyList<AttachmentRef> Files,
        IReadOnlyDictionary<string, string> FileErrors) : ReadResult;

    public sealed record UnsupportedMediaType(string? ContentType) : ReadResult;

    public sealed record TooLarge(string Detail, SubmissionFormat Format, TicketSubmission? Partial) : ReadResult;

    public sealed record Malformed(string Detail) : ReadResult;
}
