
namespace Helpdesk.Core.Sla;

public sealed record SlaTargetStatus(
    SlaTarget Target,
    SlaTargetState State,
    TimeSpan Allowed,
    TimeSpan Used,
    TimeSpan Left,
    DateTimeOffset? Due,
    DateTimeOffset? WarningAt);

// Clock of an external provider while the ticket waits on it; Due is null when no contract is configured.
