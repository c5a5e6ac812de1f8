using Helpdesk.Core.Providers;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Providers;

/// <summary>Whom to call: technicians' routes (function key).</summary>
public sealed class ProviderFunctions(ProviderHandler api)
{
    [Function("ListProviders")]
    public IResult List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ProviderRoutes.Directory)] HttpRequest request) =>
        api.List(request);

    [Function("TicketProviders")]
    public Task<IResult> ForTicket(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ProviderRoutes.TicketProviders)] HttpRequest request, string number, CancellationToken cancellationToken) =>
        api.ForTicketAsync(number, cancellationToken);
}
