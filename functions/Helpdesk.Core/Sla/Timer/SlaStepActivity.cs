
namespace Helpdesk.Core.Sla;

/// <summary>
/// Activity <see cref="SlaOrchestration.StepActivity"/>: evaluates the ticket now (records and carries out what is
/// due, idempotently), then says when to look next. Never acts before a due time: the time is the activity's clock,
/// not the (possibly early) timer's. One read of the clock log per step: the evaluation hands over the log as it left
/// it (its own appends and effects marks included). A change written meanwhile by the ticket's own events raises
/// <see cref="SlaOrchestration.ChangedEvent"/>, so the next turn sees it.
/// </summary>
public sealed class SlaStepActivity(SlaEvaluation evaluate, SlaNextDeadlinePlanner next)
{
    public async Task<SlaStepResult> RunAsync(SlaStepInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (evaluation, entries) = await evaluate.EvaluateAsync(input.TicketNumber, ct);
        return new SlaStepResult(evaluation, next.Decide(input.TicketNumber, entries));
    }
}
