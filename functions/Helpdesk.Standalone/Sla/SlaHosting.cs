using Helpdesk.Core.Sla;
using Helpdesk.Standalone.Schedules;

namespace Helpdesk.Standalone.Sla;

/// <summary>The SLA feature's bindings on this host: the twins of the Functions app's <c>NotificationsFunction</c> and <c>SlaReconcileFunction</c>.</summary>
public static class SlaHosting
{
    /// <summary>
    /// The <see cref="SlaQueues.Notifications"/> listener and the daily reconcile (also run at start-up). Register
    /// after the durable engine, so that start-up jobs find it running.
    /// </summary>
    public static IServiceCollection AddHelpdeskSlaListeners(this IServiceCollection services)
    {
        services.AddHostedService<NotificationsQueueListener>();
        services.AddCronJob(new CronJob(SlaSchedules.ReconcileName, SlaSchedules.Reconcile, RunOnStartup: true,
            (sp, ct) => sp.GetRequiredService<SlaReconciler>().RunAsync(ct)));
        return services;
    }
}
