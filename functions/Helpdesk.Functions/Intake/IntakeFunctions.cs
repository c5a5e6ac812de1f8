using Helpdesk.Core.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Intake;

/// <summary>Public routes: the requester's form and ticket creation. Each function only hands the request to Core.</summary>
public sealed class IntakeFunctions(IntakeHandler api)
{
    [Function("Form")]
    public IResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IntakeRoutes.Form)] HttpRequest request) =>
        api.GetForm(request);

    [Function("CreateTicket")]
    public Task<IResult> CreateTicket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IntakeRoutes.Tickets)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.CreateAsync(request, cancellationToken);
}
