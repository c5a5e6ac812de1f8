using Helpdesk.Core.Operations;
using Helpdesk.Functions.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Operations;

/// <summary>The operations API (function key; the caller established by <see cref="TechnicianAccess"/>, admins only, checked in Core).</summary>
public sealed class OperationsFunctions(OperationsHandler api, TechnicianAccess access)
{
    [Function("PoisonMessages")]
    public async Task<IResult> Poison(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = OperationsRoutes.Poison)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.PoisonAsync(request, cancellationToken);

    [Function("ReplayPoisonMessage")]
    public async Task<IResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = OperationsRoutes.Replay)] HttpRequest request, string queue, string id,
        CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ReplayAsync(request, queue, id, cancellationToken);
}
