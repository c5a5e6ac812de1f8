using Helpdesk.Core.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Technicians;

/// <summary>The roster API (function key; the caller established by <see cref="TechnicianAccess"/>, admins only, checked in Core).</summary>
public sealed class TechnicianFunctions(RosterHandler api, TechnicianAccess access)
{
    [Function("ListTechnicians")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TechnicianRoutes.Roster)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ListAsync(request, cancellationToken);

    [Function("ChangeTechnician")]
    public async Task<IResult> Change(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = TechnicianRoutes.Person)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ChangeAsync(request, id, cancellationToken);

    [Function("RemoveTechnician")]
    public async Task<IResult> Remove(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = TechnicianRoutes.Person)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.RemoveAsync(request, id, cancellationToken);
}
