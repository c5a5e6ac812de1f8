using Helpdesk.Core.Intake;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Intake;

/// <summary>Intake's public routes: the twins of the Functions app's <c>IntakeFunctions</c>.</summary>
public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskIntake(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(IntakeRoutes.Form, (HttpRequest request, IntakeHandler handler) => handler.GetForm(request))
            .RequireRateLimiting(PublicRateLimits.FormPolicy);
        // The form carries its own one-time token and honeypot; requesters have no cookie session to forge.
        api.MapPost(IntakeRoutes.Tickets, (HttpRequest request, IntakeHandler handler, CancellationToken ct) => handler.CreateAsync(request, ct))
            .DisableAntiforgery()
            .RequireRateLimiting(PublicRateLimits.TicketsPolicy);
        return app;
    }
}
