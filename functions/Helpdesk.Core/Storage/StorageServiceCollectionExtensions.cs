using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage: the table, queue and blob clients (Azurite by connection string, or Azure by managed identity) and the
    /// start-up creation of every table, queue and container, and the processing rule every queue consumer of both hosts
    /// goes through (<see cref="QueueMessageProcessor"/>). Also the instance-wide settings (<c>Helpdesk</c>) and
    /// the clock every feature reads.
    /// </summary>
    public static IServiceCollection AddHelpdeskStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<HelpdeskOptions, HelpdeskOptionsValidator>(HelpdeskOptions.Section);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.Section);
        services.TryAddSingleton<StorageClients>();
        services.AddHostedService<StorageInitializer>();
        // How both hosts consume queues: retry or poison (QueueFailurePolicy), the poison envelope with its reason.
        services.AddValidatedOptions<QueuePollingOptions, QueuePollingOptionsValidator>(QueuePollingOptions.Section);
        services.TryAddSingleton<PoisonQueue>();
        services.TryAddSingleton<QueueMessageProcessor>();
        return services;
    }

    /// <summary>Declares the tables, queues and containers of a feature, created at start-up.</summary>
    public static IServiceCollection AddStorageResources(this IServiceCollection services, StorageResourceKind kind, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            services.AddSingleton(new StorageResource(kind, name));
        }

        return services;
    }
}
