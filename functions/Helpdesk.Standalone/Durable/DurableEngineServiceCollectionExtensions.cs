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
    /// PartitionCount, WorkerId, LeaseInterval, UseAppLease, MaxConcurrentActivities, MaxConcurrentOrchestrations,
    /// ExtendedSessions) and the task hub's connection: <c>DurableStorage</c>, else
    /// <c>Helpdesk:Durable:StorageConnectionString</c>, else <c>Helpdesk:Storage:ConnectionString</c>. The <see cref="DurableCatalog"/> itself comes from Core's
    /// <c>AddDurableCatalog</c> calls (an empty catalog is registered if there are none).
    /// </summary>
    public static IServiceCollection AddHelpdeskDurableEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<DurableEngineOptions, DurableEngineOptionsValidator>(DurableEngineOptions.SectionName);
        services.AddOptions<DurableEngineOptions>()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                var own = configuration[DurableEngineOptions.ConnectionName];
                if (!string.IsNullOrWhiteSpace(own))
                {
                    o.StorageConnectionString = own;
                }

                o.StorageConnectionString ??= configuration["Helpdesk:Storage:ConnectionString"];
            });
        services.AddDurableCatalog(_ => { });
        services.TryAddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.TryAddSingleton<TaskHubOrchestrationClient>();
        services.TryAddSingleton<IOrchestrationClient>(sp => sp.GetRequiredService<TaskHubOrchestrationClient>());
        return services;
    }
}
