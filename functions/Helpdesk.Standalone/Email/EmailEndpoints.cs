using Helpdesk.Core.Email;
using Helpdesk.Core.Web;

namespace Helpdesk.Standalone.Email;

/// <summary>Inbound mail routes: the twins of the Functions app's <c>InboundEmailFunctions</c>.</summary>
public static class EmailEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskEmail(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        // Machines post here (relays, providers): no browser session, so no antiforgery; the inbound key or Mailgun's signature authenticates.
        var keyed = api.MapGroup("").AddEndpointFilter<InboundKeyFilter>();
        keyed.MapPost(InboundRoutes.Raw, (HttpRequest request, InboundHandler handler, CancellationToken ct) => handler.RawAsync(request, ct)).DisableAntiforgery();
        keyed.MapPost(InboundRoutes.SendGrid, (HttpRequest request, InboundHandler handler, CancellationToken ct) => handler.SendGridAsync(request, ct)).DisableAntiforgery();
        keyed.MapPost(InboundRoutes.Postmark, (HttpRequest request, InboundHandler handler, CancellationToken ct) => handler.PostmarkAsync(request, ct)).DisableAntiforgery();
        api.MapPost(InboundRoutes.Mailgun, (HttpRequest request, InboundHandler handler, CancellationToken ct) => handler.MailgunAsync(request, ct)).DisableAntiforgery();
        return app;
    }
}
