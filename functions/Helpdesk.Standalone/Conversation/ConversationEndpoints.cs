using Helpdesk.Core.Conversation;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Conversation;

/// <summary>The conversation's routes: the twins of the Functions app's <c>ConversationFunctions</c>.</summary>
public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskConversation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        // Public: the signed link is the key, and the page's forms carry their own token (no cookie session to forge).
        api.MapGet(ConversationRoutes.Status, (HttpRequest request, string token, StatusHandler handler, CancellationToken ct) => handler.GetAsync(request, token, ct))
            .RequireRateLimiting(PublicRateLimits.FormPolicy);
        api.MapPost(ConversationRoutes.Status, (HttpRequest request, string token, StatusHandler handler, CancellationToken ct) => handler.PostAsync(request, token, ct))
            .DisableAntiforgery()
            .RequireRateLimiting(PublicRateLimits.TicketsPolicy);
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(ConversationRoutes.SatisfactionReport,
            (HttpRequest request, SatisfactionReportHandler handler, CancellationToken ct) => handler.GetAsync(request, ct));
        return app;
    }
}
