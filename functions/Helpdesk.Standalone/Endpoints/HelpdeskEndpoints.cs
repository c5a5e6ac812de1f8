using Helpdesk.Core;
using Helpdesk.Core.Http;

namespace Helpdesk.Standalone;

/// <summary>The same routes as the Functions app, under the same names from <see cref="HelpdeskRoutes"/>.</summary>
public static class HelpdeskEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + HelpdeskRoutes.Prefix);

        // Public: the requester's form and ticket creation.
        api.MapGet(HelpdeskRoutes.Form, (HttpRequest request, TicketApi handler) => handler.GetForm(request));
        api.MapPost(HelpdeskRoutes.Tickets, (HttpRequest request, TicketApi handler, CancellationToken ct) => handler.CreateAsync(request, ct))
            .DisableAntiforgery();

        // Technicians: never anonymous.
        var technicians = api.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(HelpdeskRoutes.Ticket, (int number, TicketApi handler, CancellationToken ct) => handler.GetTicketAsync(number, ct));
        technicians.MapPost(HelpdeskRoutes.TicketAction,
            (HttpRequest request, int number, string action, TicketApi handler, CancellationToken ct) => handler.ActAsync(request, number, action, ct));
        technicians.MapGet(HelpdeskRoutes.LevelQueue,
            (HttpRequest request, string level, TicketApi handler, CancellationToken ct) => handler.QueueAsync(request, level, ct));
        return app;
    }
}
