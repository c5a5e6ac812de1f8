using Helpdesk.Core.Tickets;
using Helpdesk.Functions.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Tickets;

/// <summary>Technician routes: function keys (x-functions-key header) are required, never anonymous; the caller is established by <see cref="TechnicianAccess"/>.</summary>
public sealed class TicketFunctions(TicketHandler api, TechnicianAccess access)
{
    [Function("GetTicket")]
    public async Task<IResult> GetTicket(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TicketRoutes.Ticket)] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.GetTicketAsync(number, cancellationToken);

    [Function("TicketAction")]
    public async Task<IResult> TicketAction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = TicketRoutes.TicketAction)] HttpRequest request,
        string number,
        string action,
        CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ActAsync(request, number, action, cancellationToken);

    [Function("LevelQueue")]
    public async Task<IResult> LevelQueue(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TicketRoutes.LevelQueue)] HttpRequest request,
        string level,
        CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.QueueAsync(request, level, cancellationToken);
}
