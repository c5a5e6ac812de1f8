
namespace Helpdesk.Core.Sla;

/// <summary>One turn's work: what the evaluation did now, then when to look again (or that the clocks have stopped).</summary>
public sealed record SlaStepResult(SlaEvaluateResult Evaluation, SlaNextDeadline Next)
{
    /// <summary>Nothing was recorded or completed: a deadline already past is then not worth an immediate new turn.</summary>
    public bool Idle => Evaluation.Recorded.Count == 0 && Evaluation.EffectsDone.Count == 0;
}
