
namespace Helpdesk.Core.Sla;

/// <summary>
/// The planning half of the step activity (<see cref="SlaStepActivity"/>; not an activity of its own): reads the clock log and says when to evaluate next
/// (now, when actions are due or side effects are pending), or that the ticket's clocks have stopped.
/// </summary>
public sealed class SlaNextDeadlinePlanner(ISlaClockLog log, SlaPolicy policy, SlaCalendars calendars, TimeProvider time)
{
    public async Task<SlaNextDeadline> RunAsync(int ticketNumber, CancellationToken ct = default) =>
        Decide(ticketNumber, await log.ReadEntriesAsync(ticketNumber, ct));

    /// <summary>The decision on a log already read.</summary>
    public SlaNextDeadline Decide(int number, IReadOnlyList<SlaLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 || entries[0].Event is not SlaClockEvent.Started started)
        {
            return new SlaNextDeadline(number, true, null, "not-found");
        }

        var now = time.GetUtcNow();
        if (started.At > now)
        {
            return new SlaNextDeadline(number, false, started.At);
        }

        var events = entries.Select(e => e.Event).ToList();
        var actions = SlaClock.NextActions(events, policy, calendars, now);
        if (actions.Due.Count > 0 || entries.Any(e => SlaEvaluation.IsAction(e.Event) && !e.EffectsDone))
        {
            return new SlaNextDeadline(number, false, now);
        }

        var phase = SlaClock.Evaluate(events, policy, calendars, now).Phase;
        return phase is SlaPhase.Resolved or SlaPhase.Closed
            ? new SlaNextDeadline(number, true, null, phase == SlaPhase.Closed ? "closed" : "resolved")
            : new SlaNextDeadline(number, false, actions.NextDeadline);
    }
}
