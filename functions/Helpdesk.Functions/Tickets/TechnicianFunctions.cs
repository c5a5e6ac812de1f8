using Helpdesk.Core;
using Helpdesk.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Tickets;

/// <summary>Technician routes: function keys (x-functions-key header) are required, never anonymous.</summary>
public sealed class TechnicianFunctions(TicketApi api)
{
    [Function("GetTicket")]
    public Task<IResult> GetTicket(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HelpdeskRoutes.Ticket)] HttpRequest request,
        int number,
        CancellationToken cancellationToken) =>
        api.GetTicketAsync(number, cancellationToken);

    [Function("TicketAction")]
    public Task<IResult> TicketAction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HelpdeskRoutes.TicketAction)] HttpRequest request,
        int number,
        string action,
        CancellationToken cancellationToken) =>
        api.ActAsync(request, number, action, cancellationToken);

    [Function("LevelQueue")]
    public Task<IResult> LevelQueue(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HelpdeskRoutes.LevelQueue)] HttpRequest request,
        string level,
        CancellationToken cancellationToken) =>
        api.QueueAsync(request, level, cancellationToken);
}
