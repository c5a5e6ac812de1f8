using Helpdesk.Core.Web;

namespace Helpdesk.Core.Conversation;

/// <summary>What reading a status page upload gave (the files themselves are in the request's uploads).</summary>
public abstract record StatusUpload
{
    /// <summary>The body was read; <see cref="Errors"/> holds files refused for their count, type or content (requester's language).</summary>
    public sealed record Ok(IReadOnlyDictionary<string, string> Errors) : StatusUpload;

    /// <summary>No valid per-form token came before the first file: nothing was stored.</summary>
    public sealed record Forbidden : StatusUpload;

    /// <summary>A file or the whole post is over the intake's limits; <see cref="Message"/> is in the requester's language.</summary>
    public sealed record TooLarge(string Message) : StatusUpload;

    /// <summary>Not the page's multipart form (400); <see cref="Detail"/> is ours, never a parser's.</summary>
    public sealed record Malformed(string Detail) : StatusUpload;

    /// <summary>The body could not be read at all (framing, timeout, disconnect).</summary>
    public sealed record Unreadable(BodyReadFailure Failure) : StatusUpload;
}
