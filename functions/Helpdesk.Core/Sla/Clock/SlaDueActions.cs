
namespace Helpdesk.Core.Sla;

public sealed record SlaDueActions(IReadOnlyList<SlaClockEvent> Due, DateTimeOffset? NextDeadline);
