using Helpdesk.Core.Web;

namespace Helpdesk.Core.Intake;

/// <summary>What reading a submission gave: the fields (files are in the request's <see cref="IntakeUploads"/>), or why it was refused.</summary>
public abstract record ReadResult
{
    /// <summary>The fields, and errors found while reading (a refused file, a field sent twice), in the requester's language.</summary>
    public sealed record Ok(SubmissionFormat Format, TicketSubmission Submission, IReadOnlyDictionary<string, string> FieldErrors) : ReadResult;

    public sealed record UnsupportedMediaType(string? ContentType) : ReadResult;

    public sealed record TooLarge(string Detail, SubmissionFormat Format, TicketSubmission? Partial) : ReadResult;

    /// <summary>The body arrived but is not valid multipart or JSON (400); <see cref="Detail"/> is ours, never a parser's.</summary>
    public sealed record Malformed(string Detail) : ReadResult;

    /// <summary>The body could not be read at all (framing, timeout, disconnect).</summary>
    public sealed record Unreadable(BodyReadFailure Failure) : ReadResult;
}
