using Helpdesk.Core.Sla;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Sla;

/// <summary>
/// The daily self-healing of SLA timers (and at start-up), the twin of the standalone cron job. It starts and ends
/// orchestrations: hence the durable client, bound by <c>DurableClientMiddleware</c>.
/// </summary>
public sealed class SlaReconcileFunction(SlaReconciler reconciler)
{
    [Function(SlaSchedules.ReconcileName)]
    public Task Reconcile(
        [TimerTrigger(SlaSchedules.Reconcile, RunOnStartup = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        reconciler.RunAsync(cancellationToken);
}
