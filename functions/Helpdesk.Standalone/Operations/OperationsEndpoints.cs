using Helpdesk.Core.Operations;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Operations;

/// <summary>The operations API: the twins of the Functions app's <c>OperationsFunctions</c> (a caller established by the key filter; admins only, checked in Core).</summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskOperations(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(OperationsRoutes.Poison, (HttpRequest request, OperationsHandler handler, CancellationToken ct) => handler.PoisonAsync(request, ct));
        technicians.MapPost(OperationsRoutes.Replay,
            (HttpRequest request, string queue, string id, OperationsHandler handler, CancellationToken ct) => handler.ReplayAsync(request, queue, id, ct));
        return app;
    }
}
