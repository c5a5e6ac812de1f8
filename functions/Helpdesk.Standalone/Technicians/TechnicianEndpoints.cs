using Helpdesk.Core.Technicians;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Technicians;

/// <summary>The roster API: the twins of the Functions app's <c>TechnicianFunctions</c> (a caller established by the key filter; admins only, checked in Core).</summary>
public static class TechnicianEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskTechnicians(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(TechnicianRoutes.Roster, (HttpRequest request, RosterHandler handler, CancellationToken ct) => handler.ListAsync(request, ct));
        technicians.MapPut(TechnicianRoutes.Person, (HttpRequest request, string id, RosterHandler handler, CancellationToken ct) => handler.ChangeAsync(request, id, ct));
        technicians.MapDelete(TechnicianRoutes.Person, (HttpRequest request, string id, RosterHandler handler, CancellationToken ct) => handler.RemoveAsync(request, id, ct));
        return app;
    }
}
