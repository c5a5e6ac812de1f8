using Helpdesk.Core.Durable;
using Helpdesk.Core.Sla;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Helpdesk.Functions.Sla;

/// <summary>
/// Function-based wrappers of the SLA orchestration and its activity, written once in Core (the catalog). Same names
/// as the standalone engine. The orchestration never uses the client port (replay-safe), so no durable client here.
/// </summary>
public sealed class SlaTimerFunctions(DurableCatalog catalog)
{
    [Function(SlaOrchestration.Name)]
    public Task<SlaTimerResult> Timer([OrchestrationTrigger] TaskOrchestrationContext context) =>
        catalog.RunOrchestrationAsync<SlaTimerState, SlaTimerResult>(SlaOrchestration.Name, context);

    [Function(SlaOrchestration.StepActivity)]
    public Task<SlaStepResult> Step([ActivityTrigger] SlaStepInput input, FunctionContext context) =>
        catalog.RunActivityAsync<SlaStepInput, SlaStepResult>(SlaOrchestration.StepActivity, context.InstanceServices, input,
            context.CancellationToken);
}
