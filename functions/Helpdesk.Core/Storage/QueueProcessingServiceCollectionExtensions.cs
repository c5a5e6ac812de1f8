using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Storage;

public static class QueueProcessingServiceCollectionExtensions
{
    /// <summary>
    /// How the hosts consume queues: <see cref="QueueMessageProcessor"/> (retry or poison, <see cref="QueueFailurePolicy"/>)
    /// and <see cref="PoisonQueue"/>. Each host calls it once, beside its queue bindings.
    /// </summary>
    public static IServiceCollection AddHelpdeskQueueProcessing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PoisonQueue>();
        services.TryAddSingleton<QueueMessageProcessor>();
        return services;
    }
}
