
namespace Helpdesk.Core.Sla;

/// <summary>One stored entry of a clock log: the event, its dedupe id, and whether its side effects (mail, escalation) are done.</summary>
public sealed record SlaLogEntry(SlaClockEvent Event, string Id, bool EffectsDone);
