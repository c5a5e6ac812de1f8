using Helpdesk.Core.Durable;
using Helpdesk.Functions.Durable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Functions.Hosting;

/// <summary>What this host adds around the features: the durable JSON and the durable client port.</summary>
public static class FunctionsHosting
{
    public static IServiceCollection AddHelpdeskFunctionsHost(this IServiceCollection services)
    {
        services.AddHelpdeskDurableJson();
        services.TryAddSingleton<IOrchestrationClient, BoundOrchestrationClient>();
        return services;
    }
}
