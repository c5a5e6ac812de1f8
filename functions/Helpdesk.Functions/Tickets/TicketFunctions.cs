using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Tickets;

/// <summary>Technician routes: function keys (x-functions-key header) are required, never anonymous.</summary>
public sealed class TicketFunctions(TicketHandler api)
{
    [Function("GetTicket")]
    public Task<IResult> GetTicket(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TicketRoutes.Ticket)] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        api.GetTicketAsync(number, cancellationToken);

    [Function("TicketAction")]
    public Task<IResult> TicketAction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = TicketRoutes.TicketAction)] HttpRequest request,
        string number,
        string action,
        CancellationToken cancellationToken) =>
        api.ActAsync(request, number, action, cancellationToken);

    [Function("LevelQueue")]
    public Task<IResult> LevelQueue(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = TicketRoutes.LevelQueue)] HttpRequest request,
        string level,
        CancellationToken cancellationToken) =>
        api.QueueAsync(request, level, cancellationToken);
}
