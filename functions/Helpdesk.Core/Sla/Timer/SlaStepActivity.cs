
namespace Helpdesk.Core.Sla;

/// <summary>
/// Activity <see cref="SlaOrchestration.StepActivity"/>: evaluates the ticket now (records and carries out what is
/// due, idempotently), then reads the log again to say when to look next. Never acts before a due time: the time is
/// the activity's clock, not the (possibly early) timer's.
/// </summary>
public sealed class SlaStepActivity(SlaEvaluation evaluate, SlaNextDeadlinePlanner next, ISlaClockLog log)
{
    public async Task<SlaStepResult> RunAsync(SlaStepInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (evaluation, read) = await evaluate.EvaluateAsync(input.TicketNumber, ct);

        // The evaluation's last read already holds its own appends; only effects marked done make it stale.
        var entries = evaluation.EffectsDone.Count == 0 ? read : await log.ReadEntriesAsync(input.TicketNumber, ct);
        return new SlaStepResult(evaluation, next.Decide(input.TicketNumber, entries));
    }
}
