using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Providers — whom to call: the tenant's directory from settings (<see cref="ProviderDirectoryOptions"/>), the
    /// lookup by category and asset (<see cref="ProviderDirectory"/>) and its technicians' routes (<see cref="ProviderHandler"/>).
    /// Needs Tickets and Inventory.
    /// </summary>
    public static IServiceCollection AddHelpdeskProviders(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProviderDirectoryOptions, ProviderDirectoryOptionsValidator>(ProviderDirectoryOptions.Section);
        services.TryAddSingleton<ProviderDirectory>();
        services.TryAddSingleton<ProviderHandler>();
        return services;
    }
}
