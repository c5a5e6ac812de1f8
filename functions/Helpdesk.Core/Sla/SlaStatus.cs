using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public enum SlaPhase
{
    Running,
    Paused,
    Resolved,
    Closed,
}

public enum SlaTargetState
{
    Running,
    Paused,
    Met,
    Breached,
}

// Due: the UTC instant the target is used up. While the clock runs it is always known (past when breached);
// once stopped it is the breach instant if the target was reached, otherwise null.
// WarningAt follows the same rule for WarningThreshold x Target.
public sealed record SlaTargetStatus(
    SlaTarget Target,
    SlaTargetState State,
    TimeSpan Allowed,
    TimeSpan Used,
    TimeSpan Left,
    DateTimeOffset? Due,
    DateTimeOffset? WarningAt);

// Clock of an external provider while the ticket waits on it; Due is null when no contract is configured.
public sealed record ProviderClockStatus(string Provider, DateTimeOffset Since, DateTimeOffset? Due, bool Overdue);

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
public sealed record SlaDueActions(IReadOnlyList<SlaClockEvent> Due, DateTimeOffset? NextDeadline);
