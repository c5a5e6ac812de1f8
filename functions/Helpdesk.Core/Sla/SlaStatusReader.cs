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
        return events.Count == 0 ? null : evaluator.Evaluate(events);
    }
}
