namespace Helpdesk.Core.Sla;

/// <summary>
/// The SLA clock of a ticket as technicians see it: per target the due date, time used and time left; time spent at
/// each level; the provider's clock while waiting on one. Derived from the clock log at the moment of reading.
/// </summary>
public sealed class SlaStatusReader(ISlaClockLog log, SlaEvaluator evaluator)
{
    public async Task<SlaStatus?> ReadAsync(int ticketNumber, CancellationToken ct)
    {
        var events = await log.ReadAsync(ticketNumber, ct);

        // Lifecycle events are consumed from a queue, not strictly in order: until the clock's Started row is in,
        // the ticket has no SLA view yet (the same rule as the step activity).
        return events.Count == 0 || events[0] is not SlaClockEvent.Started ? null : evaluator.Evaluate(events);
    }
}
