
namespace Helpdesk.Core.Durable;

/// <summary>Receives catalog entries with their static input and output types.</summary>
public interface IDurableCatalogVisitor
{
    /// <summary>Called once per orchestration.</summary>
    void VisitOrchestration<TIn, TOut>(DurableOrchestrationDefinition<TIn, TOut> orchestration);

    /// <summary>Called once per activity.</summary>
    void VisitActivity<TIn, TOut>(DurableActivityDefinition<TIn, TOut> activity);
}
