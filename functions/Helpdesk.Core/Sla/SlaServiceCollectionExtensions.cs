using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public static class SlaServiceCollectionExtensions
{
    // Binds and validates Helpdesk:Sla and Helpdesk:Sla:Calendar (failing at start), and registers the immutable
    // policy and calendars built from them.
    public static IServiceCollection AddHelpdeskSla(this IServiceCollection services)
    {
        services.AddOptions<BusinessCalendarOptions>().BindConfiguration(BusinessCalendarOptions.SectionName).ValidateOnStart();
        services.AddOptions<SlaPolicyOptions>().BindConfiguration(SlaPolicyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BusinessCalendarOptions>, BusinessCalendarOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaPolicyOptions>, SlaPolicyOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => BusinessCalendar.FromOptions(sp.GetRequiredService<IOptions<BusinessCalendarOptions>>().Value));
        services.TryAddSingleton(sp => new SlaCalendars(sp.GetRequiredService<BusinessCalendar>()));
        services.TryAddSingleton(sp => SlaPolicy.FromOptions(sp.GetRequiredService<IOptions<SlaPolicyOptions>>().Value));
        services.TryAddSingleton<SlaEvaluator>();
        return services;
    }
}
