using Helpdesk.Core;
using Helpdesk.Core.Durable;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Standalone.Durable;

/// <summary>DI registration of the standalone durable engine.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DurableEngine"/> as a hosted service and <see cref="TaskHubOrchestrationClient"/> as the
    /// <see cref="IOrchestrationClient"/>. Reads <c>Helpdesk:Durable</c> (HubName, MaxQueuePollingInterval,
    /// PartitionCount, WorkerId, LeaseInterval, UseAppLease, MaxConcurrentActivities, MaxConcurrentOrchestrations) and
    /// <c>Helpdesk:Storage:ConnectionString</c>. The <see cref="DurableCatalog"/> itself comes from Core's
    /// <c>AddDurableCatalog</c> calls (an empty catalog is registered if there are none).
    /// </summary>
    public static IServiceCollection AddHelpdeskDurableEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<DurableEngineOptions, DurableEngineOptionsValidator>(DurableEngineOptions.SectionName);
        services.AddOptions<DurableEngineOptions>()
            .PostConfigure<IConfiguration>((o, configuration) => o.StorageConnectionString ??= configuration["Helpdesk:Storage:ConnectionString"]);
        services.AddDurableCatalog(_ => { });
        services.TryAddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.TryAddSingleton<TaskHubOrchestrationClient>();
        services.TryAddSingleton<IOrchestrationClient>(sp => sp.GetRequiredService<TaskHubOrchestrationClient>());
        return services;
    }
}
