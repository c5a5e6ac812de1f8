using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>
/// A notification to a level's group (and, for breaches, the managers). <see cref="Id"/> and <see cref="At"/> are
/// deterministic (from the clock log entry), so a repeated notice is sent once.
/// </summary>
/// <param name="NeverSent">
/// True when the evaluation sending it has just recorded its action: no earlier attempt can have sent it, so the
/// "already sent?" read of its timeline line is skipped. False (the default) whenever that is not certain.
/// </param>
public sealed record SlaNotice(
    int TicketNumber,
    string Id,
    DateTimeOffset At,
    SlaNoticeKind Kind,
    SupportLevel Level,
    Priority Priority,
    string Subject,
    SlaTarget? Target = null,
    DateTimeOffset? DueAt = null,
    SupportLevel? From = null,
    bool NeverSent = false);
