using Helpdesk.Core.Providers;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Providers;

/// <summary>Whom to call: the twins of the Functions app's <c>ProviderFunctions</c> (technician key or signed-in person).</summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskProviders(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(ProviderRoutes.Directory, (HttpRequest request, ProviderHandler handler, CancellationToken ct) => handler.ListAsync(request, ct));
        technicians.MapPost(ProviderRoutes.Directory, (HttpRequest request, ProviderHandler handler, CancellationToken ct) => handler.CreateAsync(request, ct));
        technicians.MapGet(ProviderRoutes.Provider, (string id, ProviderHandler handler, CancellationToken ct) => handler.GetAsync(id, ct));
        technicians.MapPut(ProviderRoutes.Provider,
            (HttpRequest request, string id, ProviderHandler handler, CancellationToken ct) => handler.UpdateAsync(request, id, ct));
        technicians.MapDelete(ProviderRoutes.Provider,
            (HttpRequest request, string id, ProviderHandler handler, CancellationToken ct) => handler.DeleteAsync(request, id, ct));
        technicians.MapGet(ProviderRoutes.TicketProviders, (string number, ProviderHandler handler, CancellationToken ct) => handler.ForTicketAsync(number, ct));
        return app;
    }
}
