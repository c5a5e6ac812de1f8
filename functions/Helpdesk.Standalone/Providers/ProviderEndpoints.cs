using Helpdesk.Core.Providers;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Providers;

/// <summary>Whom to call: the twins of the Functions app's <c>ProviderFunctions</c> (technician key).</summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskProviders(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(ProviderRoutes.Directory, (HttpRequest request, ProviderHandler handler) => handler.List(request));
        technicians.MapGet(ProviderRoutes.TicketProviders, (string number, ProviderHandler handler, CancellationToken ct) => handler.ForTicketAsync(number, ct));
        return app;
    }
}
