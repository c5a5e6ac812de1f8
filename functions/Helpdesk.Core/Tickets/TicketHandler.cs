using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The technicians' routes, written once: the Functions <c>[HttpTrigger]</c> methods and the standalone endpoints both
/// call these. Errors are problem+json, never stack traces nor .NET type names. Route values are strict: a ticket
/// number is written <c>[1-9][0-9]*</c> (the <c>int</c> route constraint also lets <c>+1001</c> and <c>01001</c>
/// through), a level is exactly one of L1, L2, L3 in any case.
/// </summary>
public sealed class TicketHandler(TicketService tickets, SlaStatusReader sla, Conversation.SatisfactionStore satisfaction, IOptions<HelpdeskOptions> options, IEnumerable<ITicketViewPart> parts)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxActionBodyBytes = 32 * 1024;

    /// <summary><c>GET tickets/{number}</c>; <paramref name="number"/> is the raw route value.</summary>
    public async Task<IResult> GetTicketAsync(string number, CancellationToken ct)
    {
        if (!TryParseNumber(number, out var parsed))
        {
            return NotATicketNumber(number);
        }

        var view = await tickets.GetAsync(parsed, ct);
        if (view is null)
        {
            return NotFound(parsed);
        }

        var status = sla.ReadAsync(parsed, ct);
        var rating = satisfaction.GetAsync(parsed, ct);
        var extra = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            await part.AddToAsync(view.Ticket, extra, ct);
        }

        await Task.WhenAll(status, rating);
        return TypedResults.Json(TicketDto.Of(view.Ticket, options.Value.TicketUrl(parsed).ToString(), view.Timeline) with
            {
                Sla = await status,
                Satisfaction = await rating is { } r ? Conversation.SatisfactionDto.Of(r) : null,
                Parts = extra.Count > 0 ? extra : null,
            },
            HelpdeskJson.Options);
    }

    public async Task<IResult> QueueAsync(HttpRequest request, string level, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(level);
        if (!WireName.TryParse<SupportLevel>(level, out var parsed))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown level",
                detail: $"'{level}' is not a support level: use L1, L2 or L3.");
        }

        var pageSize = DefaultPageSize;
        if (request.Query.TryGetValue("pageSize", out var sizeText)
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
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

    /// <summary><c>POST tickets/{number}/{action}</c>; <paramref name="number"/> is the raw route value.</summary>
    public async Task<IResult> ActAsync(HttpRequest request, string number, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        if (!TryParseNumber(number, out var parsed))
        {
            return NotATicketNumber(number);
        }

        if (!TicketCommand.ActionNames.Contains(action, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown action",
                detail: $"'{action}' is not an action. Actions: {string.Join(", ", TicketCommand.ActionNames)}.");
        }

        var (body, problem) = await ReadBodyAsync(request, action, ct);
        if (problem is not null)
        {
            return problem;
        }

        // The action is attributed to whoever the host authenticated. A person acts under their own name only; a
        // machine key may say on whose behalf it acts, recorded beside the key's name.
        if (Callers.Of(request.HttpContext) is not { } caller)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sign in to the console, or send a technician API key.");
        }

        var declared = (body!.Actor ?? request.Headers["X-Helpdesk-Actor"].ToString()).Trim();
        if (caller.Person is { } person && declared.Length > 0
            && !declared.Equals(person.Name, StringComparison.OrdinalIgnoreCase) && !declared.Equals(person.Email, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You act as yourself",
                detail: $"Signed in as {person.Name}: actions are recorded under your name. Remove 'actor' from the request.");
        }

        if (declared.Length > ActionCommands.MaxNameLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["actor"] = [$"'actor' is at most {ActionCommands.MaxNameLength} characters."] },
                title: $"The '{action}' action has invalid fields");
        }

        var actor = caller.ActorFor(declared);
        var (command, errors) = ActionCommands.Build(action.ToLowerInvariant(), actor, body);
        if (command is null)
        {
            return TypedResults.ValidationProblem(errors, title: $"The '{action}' action has invalid fields");
        }

        try
        {
            var change = await tickets.ApplyAsync(parsed, command, ct);
            return change is null
                ? NotFound(parsed)
                : TypedResults.Json(TicketDto.Of(change.After, options.Value.TicketUrl(parsed).ToString(), null), HelpdeskJson.Options);
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

    /// <summary>
    /// A ticket number as written in a URL: digits only, no sign, no leading zero, no blanks, within <see cref="int"/>.
    /// <c>+1001</c>, <c>01001</c> and <c> 1001</c> are not ticket 1001.
    /// </summary>
    public static bool TryParseNumber(string? text, out int number)
    {
        number = 0;
        if (text is null || text.Length is 0 or > 10 || text[0] is < '1' or > '9' || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// The body as an <see cref="ActionRequest"/>, or the problem to answer: 413 over <see cref="MaxActionBodyBytes"/>,
    /// 415 not JSON, 400 not valid JSON or a wrong field value (named from the error's path, never with a .NET type),
    /// 400/408 when the body itself cannot be read (broken chunked encoding, too slow).
    /// </summary>
    private static async Task<(ActionRequest? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, string action, CancellationToken ct)
    {
        if (request.ContentLength > MaxActionBodyBytes)
        {
            return (null, TooLarge());
        }

        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (new ActionRequest(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the action as application/json."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(
                new BoundedStream(request.Body, MaxActionBodyBytes, () => new InvalidDataException("Body too large.")), default, ct);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : "";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request",
                detail: $"The body is not valid JSON{where}."));
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            return (null, failure.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : failure.ToResult());
        }

        using (document)
        {
            try
            {
                return (document.Deserialize<ActionRequest>(HelpdeskJson.Options) ?? new ActionRequest(), null);
            }
            catch (JsonException ex)
            {
                var (field, message) = ActionCommands.FieldError(ex.Path);
                return (null, TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [field ?? "body"] = [message] },
                    detail: message,
                    title: $"The '{action}' action has invalid fields"));
            }
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"An action body is at most {MaxActionBodyBytes} bytes.");

    private static ProblemHttpResult NotFound(int number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"There is no ticket {Ticket.FormatNumber(number)}.");

    private static ProblemHttpResult NotATicketNumber(string? text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found",
            detail: $"There is no ticket '{text}': ticket numbers are written with digits only, without sign or leading zeros (e.g. 1001).");
}
