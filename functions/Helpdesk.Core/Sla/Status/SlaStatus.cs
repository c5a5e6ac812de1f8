using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public sealed record SlaStatus(
    DateTimeOffset EvaluatedAt,
    SlaPhase Phase,
    Priority Priority,
    SupportLevel Level,
    SlaTargetStatus FirstResponse,
    SlaTargetStatus Resolution,
    bool ResponseSatisfied,
    IReadOnlyDictionary<SupportLevel, TimeSpan> TimeAtLevel,
    DateTimeOffset? NextEscalationDue,
    ProviderClockStatus? ProviderClock);

// Actions to append to the log now (already numbered and dated), and when to look again.
