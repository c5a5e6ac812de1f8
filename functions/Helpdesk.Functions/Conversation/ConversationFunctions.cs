using Helpdesk.Core.Conversation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Helpdesk.Functions.Technicians;

namespace Helpdesk.Functions.Conversation;

/// <summary>
/// The requester's status page (public: the signed link is the key) and the technicians' satisfaction report
/// (function key; the caller established by <see cref="TechnicianAccess"/>). Each function only hands the request to Core.
/// </summary>
public sealed class ConversationFunctions(StatusHandler status, SatisfactionReportHandler satisfaction, TechnicianAccess access)
{
    [Function("StatusPage")]
    public Task<IResult> StatusPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ConversationRoutes.Status)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        status.GetAsync(request, token, cancellationToken);

    [Function("StatusPagePost")]
    public Task<IResult> StatusPagePost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ConversationRoutes.Status)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        status.PostAsync(request, token, cancellationToken);

    [Function("SatisfactionReport")]
    public async Task<IResult> SatisfactionReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ConversationRoutes.SatisfactionReport)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await satisfaction.GetAsync(request, cancellationToken);
}
