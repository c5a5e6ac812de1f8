using Azure.Core.Serialization;
using Helpdesk.Core.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Functions.Durable;

/// <summary>Durable wiring of the Functions app.</summary>
public static class DurableFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Makes the worker serialize with <see cref="DurableJson.Options"/> (camelCase, enums as strings). The Durable
    /// extension deliberately derives its data converter from <c>WorkerOptions.Serializer</c> (it ignores any
    /// <c>DataConverter</c> in DI), so this is the one place that aligns orchestration inputs, outputs, activity
    /// payloads and events with the standalone host. It also applies to other worker bindings (queue/HTTP payloads).
    /// </summary>
    public static IServiceCollection AddHelpdeskDurableJson(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(DurableJson.Options));
        return services;
    }
}
