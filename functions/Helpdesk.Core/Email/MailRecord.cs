namespace Helpdesk.Core.Email;

/// <summary>
/// What the product decided for one mail (one Message-ID, or one content hash), written before acting on it so that
/// every later delivery does the same thing: <see cref="Outcome"/> (<c>created</c>, <c>comment</c>, <c>follow-up</c>,
/// <c>auto-reply</c>, <c>bounce</c>, <c>ignored</c>), the ticket, the time used for deterministic timeline ids, and
/// whether it is <see cref="Done"/>.
/// </summary>
public sealed record MailRecord(string Outcome, int? Ticket, DateTimeOffset At, bool Done, string? Reason = null, Azure.ETag ETag = default);
