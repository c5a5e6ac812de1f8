using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Durable;

/// <summary>DI registration of the <see cref="DurableCatalog"/>.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds entries to the singleton <see cref="DurableCatalog"/>. May be called several times (one call per feature);
    /// all contributions are applied, in call order, when the catalog is first resolved. A name declared twice throws.
    /// </summary>
    public static IServiceCollection AddDurableCatalog(this IServiceCollection services, Action<DurableCatalog> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new DurableCatalogContribution(configure));
        services.TryAddSingleton(sp =>
        {
            var catalog = new DurableCatalog();
            foreach (var contribution in sp.GetServices<DurableCatalogContribution>())
            {
                contribution.Configure(catalog);
            }

            return catalog;
        });
        return services;
    }

    /// <summary>One <see cref="AddDurableCatalog"/> call.</summary>
    internal sealed record DurableCatalogContribution(Action<DurableCatalog> Configure);
}
