namespace Helpdesk.Core.Sla;

// SlaClock bound to the configured policy and the current time, for code outside orchestrations.
// Orchestrations call SlaClock directly with context.CurrentUtcDateTime to stay deterministic.
public sealed class SlaEvaluator(SlaPolicy policy, SlaCalendars calendars, TimeProvider time)
{
    public SlaStatus Evaluate(IReadOnlyList<SlaClockEvent> log) => SlaClock.Evaluate(log, policy, calendars, time.GetUtcNow());

    public SlaDueActions NextActions(IReadOnlyList<SlaClockEvent> log) => SlaClock.NextActions(log, policy, calendars, time.GetUtcNow());
}
