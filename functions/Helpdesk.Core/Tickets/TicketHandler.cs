using System.Text;
using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The technicians' routes, written once: the Functions <c>[HttpTrigger]</c> methods and the standalone endpoints both
/// call these. Errors are problem+json, never stack traces.
/// </summary>
public sealed class TicketHandler(TicketService tickets, SlaStatusReader sla, IOptions<HelpdeskOptions> options)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxActionBodyBytes = 32 * 1024;

    public async Task<IResult> GetTicketAsync(int number, CancellationToken ct)
    {
        var view = await tickets.GetAsync(number, ct);
        if (view is null)
        {
            return NotFound(number);
        }

        var status = await sla.ReadAsync(number, ct);
        return TypedResults.Json(TicketDto.Of(view.Ticket, options.Value.TicketUrl(number).ToString(), view.Timeline) with { Sla = status },
            HelpdeskJson.Options);
    }

    public async Task<IResult> QueueAsync(HttpRequest request, string level, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(level);
        if (!Enum.TryParse<SupportLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(level[0]))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown level",
                detail: $"'{level}' is not a support level: use L1, L2 or L3.");
        }

        var pageSize = DefaultPageSize;
        if (request.Query.TryGetValue("pageSize", out var sizeText)
            && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."] });
        }

        string? token = null;
        var continuation = request.Query["continuationToken"].ToString();
        if (continuation.Length > 0)
        {
            try
            {
                token = Encoding.UTF8.GetString(Base64Url.Decode(continuation));
            }
            catch (FormatException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = ["The continuation token is not valid."] });
            }
        }

        var page = await tickets.QueueAsync(parsed, pageSize, token, ct);
        var next = page.ContinuationToken is null ? null : Base64Url.Encode(Encoding.UTF8.GetBytes(page.ContinuationToken));
        return TypedResults.Json(new QueueDto(parsed, page.Items, next), HelpdeskJson.Options);
    }

    public async Task<IResult> ActAsync(HttpRequest request, int number, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        if (!TicketCommand.ActionNames.Contains(action, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown action",
                detail: $"'{action}' is not an action. Actions: {string.Join(", ", TicketCommand.ActionNames)}.");
        }

        ActionRequest body;
        if (request.ContentLength > MaxActionBodyBytes)
        {
            return TooLarge();
        }

        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            body = new ActionRequest();
        }
        else if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the action as application/json.");
        }
        else
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<ActionRequest>(
                           new BoundedStream(request.Body, MaxActionBodyBytes, () => new InvalidDataException("Body too large.")), HelpdeskJson.Options, ct)
                       ?? new ActionRequest();
            }
            catch (JsonException ex)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: "The JSON body is not valid: " + ex.Message);
            }
            catch (InvalidDataException)
            {
                return TooLarge();
            }
        }

        var actor = (body.Actor ?? request.Headers["X-Helpdesk-Actor"].ToString()).Trim();
        var (command, errors) = ActionCommands.Build(action.ToLowerInvariant(), actor, body);
        if (command is null)
        {
            return TypedResults.ValidationProblem(errors, title: $"The '{action}' action has invalid fields");
        }

        try
        {
            var change = await tickets.ApplyAsync(number, command, ct);
            return change is null
                ? NotFound(number)
                : TypedResults.Json(TicketDto.Of(change.After, options.Value.TicketUrl(number).ToString(), null), HelpdeskJson.Options);
        }
        catch (InvalidTransitionException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Action not allowed now", detail: ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concurrent update", detail: ex.Message + " Reload the ticket and try again.");
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"An action body is at most {MaxActionBodyBytes} bytes.");

    private static ProblemHttpResult NotFound(int number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"There is no ticket {Ticket.FormatNumber(number)}.");
}
