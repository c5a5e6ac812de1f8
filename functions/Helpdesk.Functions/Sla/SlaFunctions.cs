using Helpdesk.Core;
using Helpdesk.Core.Durable;
using Helpdesk.Core.Sla;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Sla;

/// <summary>
/// Function-based wrappers of the SLA orchestration and activities written once in Core (the catalog), plus the
/// notification queue and the daily self-healing schedule. Same names as the standalone host.
/// </summary>
public sealed class SlaFunctions(DurableCatalog catalog, NotificationDispatcher notifications, SlaReconciler reconciler)
{
    [Function(SlaOrchestration.Name)]
    public Task<SlaTimerResult> Timer([OrchestrationTrigger] TaskOrchestrationContext context) =>
        catalog.RunOrchestrationAsync<SlaTimerState, SlaTimerResult>(SlaOrchestration.Name, context);

    [Function(SlaOrchestration.StepActivity)]
    public Task<SlaStepResult> Step([ActivityTrigger] SlaStepInput input, FunctionContext context) =>
        catalog.RunActivityAsync<SlaStepInput, SlaStepResult>(SlaOrchestration.StepActivity, context.InstanceServices, input,
            context.CancellationToken);

    [Function("Notifications")]
    public Task Notify([QueueTrigger(SlaQueues.Notifications)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        notifications.DispatchAsync(message, dequeueCount, cancellationToken);

    [Function(SlaSchedules.ReconcileName)]
    public async Task Reconcile(
        [TimerTrigger(SlaSchedules.Reconcile, RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        using (BoundOrchestrationClient.Bind(durableClient))
        {
            await reconciler.RunAsync(cancellationToken);
        }
    }
}
