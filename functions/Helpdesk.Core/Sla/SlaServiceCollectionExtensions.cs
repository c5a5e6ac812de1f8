using Helpdesk.Core.Durable;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// SLA: the policy and business calendars (<c>Helpdesk:Sla</c>, validated at start), the due dates that order the
    /// level queues, the clock log, the per-ticket timer orchestration and its step activity (declared once in the
    /// <see cref="DurableCatalog"/> for both hosts' engines), the lifecycle handler that starts and signals it, the
    /// notifications to level groups and the daily reconciler. The host provides the <see cref="IOrchestrationClient"/>.
    /// </summary>
    public static IServiceCollection AddHelpdeskSla(this IServiceCollection services)
    {
        services.AddValidatedOptions<BusinessCalendarOptions, BusinessCalendarOptionsValidator>(BusinessCalendarOptions.SectionName);
        services.AddValidatedOptions<SlaPolicyOptions, SlaPolicyOptionsValidator>(SlaPolicyOptions.SectionName);
        services.AddValidatedOptions<SlaNotificationOptions, SlaNotificationOptionsValidator>(SlaNotificationOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => BusinessCalendar.FromOptions(sp.GetRequiredService<IOptions<BusinessCalendarOptions>>().Value));
        services.TryAddSingleton(sp => new SlaCalendars(sp.GetRequiredService<BusinessCalendar>()));
        services.TryAddSingleton(sp => SlaPolicy.FromOptions(sp.GetRequiredService<IOptions<SlaPolicyOptions>>().Value));
        services.TryAddSingleton<SlaEvaluator>();
        services.TryAddSingleton<ITicketDeadlines, SlaDeadlines>();

        services.AddStorageResources(StorageResourceKind.Table, StorageClients.SlaClockTable);
        services.AddStorageResources(StorageResourceKind.Queue, SlaQueues.Notifications);
        services.TryAddSingleton<ISlaClockLog, SlaClockStore>();
        services.TryAddSingleton<ISlaTickets, TicketSlaAdapter>();
        services.TryAddSingleton<SlaMailer>();
        services.TryAddSingleton<ISlaNotifier, SlaNotifier>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<SlaNextDeadlinePlanner>();
        services.TryAddSingleton<SlaEvaluation>();
        services.TryAddSingleton<SlaStepActivity>();
        services.TryAddSingleton<SlaReconciler>();
        services.TryAddSingleton<SlaStatusReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketEventHandler, SlaTicketEventHandler>());
        services.TryAddSingleton<ISlaTimerEngine, DurableSlaTimerEngine>();

        services.AddDurableCatalog(catalog => catalog
            .AddOrchestration<SlaTimerState, SlaTimerResult>(SlaOrchestration.Name, SlaOrchestration.RunAsync)
            .AddActivity<SlaStepInput, SlaStepResult>(SlaOrchestration.StepActivity,
                (sp, input, ct) => sp.GetRequiredService<SlaStepActivity>().RunAsync(input, ct)));
        return services;
    }
}
