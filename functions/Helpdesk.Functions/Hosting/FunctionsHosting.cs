using Helpdesk.Core.Durable;
using Helpdesk.Core.Storage;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Functions.Hosting;

/// <summary>
/// What this host adds around the features: the worker middlewares (error answers and headers of HTTP functions,
/// the durable client port bound per invocation) and the durable JSON.
/// </summary>
public static class FunctionsHosting
{
    public static FunctionsApplicationBuilder AddHelpdeskFunctionsHost(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Registered after ConfigureFunctionsWebApplication: they run inside its HTTP proxying middleware, so the
        // HttpContext is there, and around the function itself.
        builder.UseMiddleware<HttpErrorMiddleware>();
        builder.UseMiddleware<DurableClientMiddleware>();
        builder.Services.AddHelpdeskDurableJson();
        builder.Services.TryAddSingleton<IOrchestrationClient, BoundOrchestrationClient>();
        builder.Services.TryAddSingleton<Technicians.TechnicianAccess>();
        return builder;
    }
}
