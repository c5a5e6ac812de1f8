using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Http;

/// <summary>
/// The HTTP handlers, written once: a Functions <c>[HttpTrigger]</c> method and a standalone <c>Map*</c> endpoint both
/// call these and return the <see cref="IResult"/>. Errors are problem+json (or the form page for browsers), never
/// stack traces.
/// </summary>
public sealed class TicketApi(
    SubmissionReader reader,
    SubmissionValidator validator,
    TicketIntake intake,
    TicketService tickets,
    AttachmentStore attachments,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<HelpdeskOptions> options,
    ILogger<TicketApi> logger,
    SlaStatusReader? sla = null)
{
    public const int MaxIdempotencyKeyLength = 200;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxActionBodyBytes = 32 * 1024;

    public IResult GetForm(HttpRequest request)
    {
        var lang = Language.FromRequest(request);
        return Html(FormPage.Render(lang, intakeOptions.Value, NewFormToken()), StatusCodes.Status200OK);
    }

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var lang = Language.FromRequest(request);
        var read = await reader.ReadAsync(request, lang, ct);
        switch (read)
        {
            case ReadResult.UnsupportedMediaType u:
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                    detail: $"Send application/x-www-form-urlencoded, multipart/form-data or application/json (got '{u.ContentType ?? "none"}').");
            case ReadResult.Malformed m:
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: m.Detail);
            case ReadResult.TooLarge big when IsBrowser(request, big.Format):
                return Html(FormPage.Render(lang, intakeOptions.Value, NewFormToken(), big.Partial,
                    new Dictionary<string, string> { ["attachments"] = big.Detail }), StatusCodes.Status413PayloadTooLarge);
            case ReadResult.TooLarge big:
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: big.Detail);
        }

        var ok = (ReadResult.Ok)read;
        var submission = ok.Submission;
        var browser = IsBrowser(request, ok.Format);
        lang = Language.IsSupported(submission.Lang) ? Language.Normalize(submission.Lang) : lang;

        if (!string.IsNullOrEmpty(submission.Website))
        {
            // Honeypot filled: a bot. Answer as if accepted, store nothing.
            await attachments.DeleteAsync(ok.Files, ct);
            logger.LogInformation("Honeypot field filled; submission dropped.");
            return browser ? Html(FormPage.Render(lang, intakeOptions.Value, NewFormToken()), StatusCodes.Status200OK) : Results.Accepted();
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        key = string.IsNullOrWhiteSpace(key) ? submission.FormToken?.Trim() : key.Trim();
        if (key is { Length: > MaxIdempotencyKeyLength } || (key is not null && key.Any(char.IsControl)))
        {
            await attachments.DeleteAsync(ok.Files, ct);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key",
                detail: $"The Idempotency-Key must be at most {MaxIdempotencyKeyLength} printable characters.");
        }

        var validation = validator.Validate(submission, lang);
        var errors = new Dictionary<string, string>(validation.Errors);
        foreach (var (field, message) in ok.FileErrors)
        {
            errors[field] = message;
        }

        if (errors.Count > 0)
        {
            await attachments.DeleteAsync(ok.Files, ct);
            return browser
                ? Html(FormPage.Render(lang, intakeOptions.Value, submission.FormToken ?? NewFormToken(), submission, errors), StatusCodes.Status400BadRequest)
                : Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                    title: "The ticket has invalid fields", detail: "Correct the fields listed in 'errors' and send again.");
        }

        var result = await intake.CreateAsync(validation.Valid!, ok.Files, string.IsNullOrEmpty(key) ? null : key, ct);
        switch (result)
        {
            case IntakeResult.KeyReused reused:
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"This Idempotency-Key was already used for a different request (ticket {Ticket.FormatNumber(reused.Number)}). Use a new key for a new request.");
            case IntakeResult.Created { Ticket: var ticket }:
                return CreatedAnswer(ticket, browser, lang, replayed: false);
            case IntakeResult.Replayed { Ticket: var ticket }:
                return CreatedAnswer(ticket, browser, lang, replayed: true);
            default:
                throw new InvalidOperationException("Unknown intake result.");
        }
    }

    public async Task<IResult> GetTicketAsync(int number, CancellationToken ct)
    {
        var view = await tickets.GetAsync(number, ct);
        if (view is null)
        {
            return NotFound(number);
        }

        var status = sla is null ? null : await sla.ReadAsync(number, ct);
        return Results.Json(TicketDto.Of(view.Ticket, options.Value.TicketUrl(number).ToString(), view.Timeline) with { Sla = status },
            HelpdeskJson.Options);
    }

    public async Task<IResult> QueueAsync(HttpRequest request, string level, CancellationToken ct)
    {
        if (!Enum.TryParse<SupportLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(level[0]))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown level",
                detail: $"'{level}' is not a support level: use L1, L2 or L3.");
        }

        var pageSize = DefaultPageSize;
        if (request.Query.TryGetValue("pageSize", out var sizeText)
            && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."] });
        }

        string? token = null;
        var continuation = request.Query["continuationToken"].ToString();
        if (continuation.Length > 0)
        {
            try
            {
                token = Encoding.UTF8.GetString(Base64UrlDecode(continuation));
            }
            catch (FormatException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = ["The continuation token is not valid."] });
            }
        }

        var page = await tickets.QueueAsync(parsed, pageSize, token, ct);
        var next = page.ContinuationToken is null ? null : Base64UrlEncode(Encoding.UTF8.GetBytes(page.ContinuationToken));
        return Results.Json(new QueueDto(parsed, page.Items, next), HelpdeskJson.Options);
    }

    public async Task<IResult> ActAsync(HttpRequest request, int number, string action, CancellationToken ct)
    {
        if (!TicketCommand.ActionNames.Contains(action, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown action",
                detail: $"'{action}' is not an action. Actions: {string.Join(", ", TicketCommand.ActionNames)}.");
        }

        ActionRequest body;
        if (request.ContentLength > MaxActionBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                detail: $"An action body is at most {MaxActionBodyBytes} bytes.");
        }

        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            body = new ActionRequest();
        }
        else if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the action as application/json.");
        }
        else
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<ActionRequest>(new BoundedStream(request.Body, MaxActionBodyBytes, () => new InvalidDataException("Body too large.")), HelpdeskJson.Options, ct)
                       ?? new ActionRequest();
            }
            catch (JsonException ex)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: "The JSON body is not valid: " + ex.Message);
            }
            catch (InvalidDataException)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                    detail: $"An action body is at most {MaxActionBodyBytes} bytes.");
            }
        }

        var actor = (body.Actor ?? request.Headers["X-Helpdesk-Actor"].ToString()).Trim();
        var (command, errors) = ActionCommands.Build(action.ToLowerInvariant(), actor, body);
        if (command is null)
        {
            return Results.ValidationProblem(errors, title: $"The '{action}' action has invalid fields");
        }

        try
        {
            var change = await tickets.ApplyAsync(number, command, ct);
            return change is null
                ? NotFound(number)
                : Results.Json(TicketDto.Of(change.After, options.Value.TicketUrl(number).ToString(), null), HelpdeskJson.Options);
        }
        catch (InvalidTransitionException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Action not allowed now", detail: ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concurrent update", detail: ex.Message + " Reload the ticket and try again.");
        }
    }

    private IResult CreatedAnswer(Ticket ticket, bool browser, string lang, bool replayed)
    {
        var url = options.Value.TicketUrl(ticket.Number).ToString();
        if (browser)
        {
            return Html(FormPage.RenderConfirmation(lang, ticket), replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }

        var dto = new CreatedTicketDto(ticket.Number, ticket.Reference, ticket.Status, ticket.Priority, ticket.Level, ticket.CreatedAt, ticket.DueAt, url);
        return new LocatedResult(url, Results.Json(dto, HelpdeskJson.Options,
            statusCode: replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created));
    }

    private static IResult NotFound(int number) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"There is no ticket {Ticket.FormatNumber(number)}.");

    /// <summary>A form post from a browser (it accepts HTML) gets pages; everything else gets JSON.</summary>
    private static bool IsBrowser(HttpRequest request, SubmissionFormat format) =>
        format != SubmissionFormat.Json && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string NewFormToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    /// <summary>Adds a Location header to a JSON answer (201 for a new ticket, 200 for a replay).</summary>
    private sealed class LocatedResult(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
