using Helpdesk.Core.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Operations;

/// <summary>
/// The operations API, for admins only: <c>GET operations/poison</c> and <c>POST operations/poison/{queue}/{id}/replay</c>.
/// The host has established the caller (<see cref="Callers"/>); a person who is not an admin, or a machine key (a key
/// has no role), gets 403: putting messages back on queues changes what the product does.
/// </summary>
public sealed class OperationsHandler(PoisonMessages poison, ILogger<OperationsHandler> logger)
{
    public async Task<IResult> PoisonAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request.HttpContext) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Json(await poison.ListAsync(ct), HelpdeskJson.Options);
    }

    public async Task<IResult> ReplayAsync(HttpRequest request, string queue, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request.HttpContext) is { } refusal)
        {
            return refusal;
        }

        var by = Callers.Of(request.HttpContext)!.Person!.Id;
        return await poison.ReplayAsync(queue, id, by, ct) switch
        {
            ReplayOutcome.Replayed => TypedResults.Json(new { queue, id, replayed = true }, HelpdeskJson.Options),
            ReplayOutcome.UnknownQueue => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown queue",
                detail: $"'{queue}' is not a queue of this helpdesk. Queues: {string.Join(", ", poison.Queues)}."),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such poison message",
                detail: $"No message '{id}' waits on the poison queue of '{queue}': it was replayed already, or never there."),
        };
    }

    /// <summary>401 without a caller, 403 for anyone but an admin; null for an admin.</summary>
    public IResult? Refuse(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Callers.Of(http);
        if (caller is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Operations are for admins: sign in to the console as an admin.");
        }

        if (caller.IsAdmin)
        {
            return null;
        }

        OperationsLog.Refused(logger, caller.Person?.Id ?? "key " + caller.KeyName);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admins only",
            detail: caller.IsPerson
                ? "Operations are for admins of the roster; ask an admin."
                : "Operations are for admins signed in as themselves; a machine key has no role.");
    }
}
