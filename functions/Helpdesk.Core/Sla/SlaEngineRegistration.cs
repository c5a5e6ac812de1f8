using Helpdesk.Core.Durable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public static class SlaEngineRegistration
{
    /// <summary>
    /// The SLA engine: clock log store, lifecycle handler, the orchestration's activities, notifications and the
    /// reconciler. The host must also register an <see cref="ISlaTimerEngine"/> (over its durable client), and wire the
    /// orchestration, the two activities, the <c>notifications</c> queue and the reconcile schedule.
    /// </summary>
    public static IServiceCollection AddHelpdeskSlaEngine(this IServiceCollection services)
    {
        services.AddHelpdeskSla();
        services.AddOptions<SlaNotificationOptions>().BindConfiguration(SlaNotificationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaNotificationOptions>, SlaNotificationOptionsValidator>());

        services.TryAddSingleton<ISlaClockLog, SlaClockStore>();
        services.TryAddSingleton<ISlaTickets, TicketSlaAdapter>();
        services.TryAddSingleton<SlaMailer>();
        services.TryAddSingleton<ISlaNotifier, SlaNotifier>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<SlaNextDeadlineActivity>();
        services.TryAddSingleton<SlaEvaluateActivity>();
        services.TryAddSingleton<SlaStepActivity>();
        services.TryAddSingleton<SlaReconciler>();
        services.TryAddSingleton<SlaStatusReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Tickets.ITicketEventHandler, SlaTicketEventHandler>());
        services.TryAddSingleton<ISlaTimerEngine, DurableSlaTimerEngine>();

        // The orchestration and its activities, declared once for both hosts' durable engines.
        services.AddDurableCatalog(catalog => catalog
            .AddOrchestration<SlaTimerState, SlaTimerResult>(SlaOrchestration.Name, SlaOrchestration.RunAsync)
            .AddActivity<SlaStepInput, SlaStepResult>(SlaOrchestration.StepActivity,
                (sp, input, ct) => sp.GetRequiredService<SlaStepActivity>().RunAsync(input, ct)));
        return services;
    }
}
