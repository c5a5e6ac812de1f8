using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Providers — whom to call: the tenant's directory in Table Storage (<see cref="ProviderStore"/>, seeded once from
    /// <see cref="ProviderDirectoryOptions"/>), the lookup by category and asset (<see cref="ProviderDirectory"/>) and
    /// its technicians' routes (<see cref="ProviderHandler"/>). Needs Tickets and Inventory.
    /// </summary>
    public static IServiceCollection AddHelpdeskProviders(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProviderDirectoryOptions, ProviderDirectoryOptionsValidator>(ProviderDirectoryOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, ProviderStore.Table);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderStore>();
        services.TryAddSingleton<ProviderDirectory>();
        services.TryAddSingleton<ProviderHandler>();
        services.TryAddSingleton<TicketContacts>();
        services.TryAddSingleton<TicketContactsSection>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Console.ITicketPageSection, TicketContactsSection>(sp => sp.GetRequiredService<TicketContactsSection>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketViewPart, TicketContactsPart>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketEventHandler, ProviderMail>());
        services.TryAddSingleton<Intake.IEmergencyLines, ProviderEmergencyLines>();
        return services;
    }
}
