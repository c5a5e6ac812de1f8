using Helpdesk.Core.Providers;
using Helpdesk.Functions.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Providers;

/// <summary>Whom to call: technicians' routes (function key); the caller is established by <see cref="TechnicianAccess"/>.</summary>
public sealed class ProviderFunctions(ProviderHandler api, TechnicianAccess access)
{
    [Function("ListProviders")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ProviderRoutes.Directory)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ListAsync(request, cancellationToken);

    [Function("CreateProvider")]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ProviderRoutes.Directory)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.CreateAsync(request, cancellationToken);

    [Function("GetProvider")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ProviderRoutes.Provider)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.GetAsync(id, cancellationToken);

    [Function("UpdateProvider")]
    public async Task<IResult> Update(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ProviderRoutes.Provider)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.UpdateAsync(request, id, cancellationToken);

    [Function("DeleteProvider")]
    public async Task<IResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ProviderRoutes.Provider)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.DeleteAsync(request, id, cancellationToken);

    [Function("TicketProviders")]
    public async Task<IResult> ForTicket(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ProviderRoutes.TicketProviders)] HttpRequest request, string number, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ForTicketAsync(number, cancellationToken);
}
