using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Tickets;

/// <summary>The technicians' routes, never anonymous: the twins of the Functions app's <c>TicketFunctions</c>.</summary>
public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskTickets(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(TicketRoutes.Ticket, (string number, TicketHandler handler, CancellationToken ct) => handler.GetTicketAsync(number, ct));
        technicians.MapPost(TicketRoutes.TicketAction,
            (HttpRequest request, string number, string action, TicketHandler handler, CancellationToken ct) => handler.ActAsync(request, number, action, ct));
        technicians.MapGet(TicketRoutes.LevelQueue,
            (HttpRequest request, string level, TicketHandler handler, CancellationToken ct) => handler.QueueAsync(request, level, ct));
        return app;
    }

    /// <summary>The <see cref="TicketQueues.Events"/> listener: the twin of the Functions app's queue trigger.</summary>
    public static IServiceCollection AddHelpdeskTicketEventsListener(this IServiceCollection services) =>
        services.AddHostedService<TicketEventsQueueListener>();
}
