using Helpdesk.Core;
using Helpdesk.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Tickets;

/// <summary>Public routes: the requester's form and ticket creation. Each function only hands the request to Core.</summary>
public sealed class IntakeFunctions(TicketApi api)
{
    [Function("Form")]
    public IResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HelpdeskRoutes.Form)] HttpRequest request) =>
        api.GetForm(request);

    [Function("CreateTicket")]
    public Task<IResult> CreateTicket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HelpdeskRoutes.Tickets)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.CreateAsync(request, cancellationToken);
}
