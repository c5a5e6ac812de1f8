using System.Security.Cryptography;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Intake;

/// <summary>
/// The requester's routes, written once: the Functions <c>[HttpTrigger]</c> methods and the standalone endpoints
/// both call these. Browsers get pages, scripts get JSON; errors are problem+json, never stack traces.
/// </summary>
public sealed class IntakeHandler(
    SubmissionReader reader,
    SubmissionValidator validator,
    TicketIntake intake,
    AttachmentStore attachments,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<HelpdeskOptions> options,
    Conversation.StatusLinks statusLinks,
    IOptions<Conversation.ConversationOptions> conversationOptions,
    IOptions<Sla.BusinessCalendarOptions> calendar,
    TimeProvider time,
    ILogger<IntakeHandler> logger,
    IEnumerable<IEmergencyLines> emergencyLines)
{
    public IResult GetForm(HttpRequest request)
    {
        var lang = Language.FromRequest(request);
        return new DeferredResult(async ct =>
            HtmlPage.Result(FormPage.Render(lang, intakeOptions.Value, NewFormToken(), emergency: await FormLinesAsync(ct)), StatusCodes.Status200OK));
    }

    /// <summary>Whom to call in an emergency, per category (Providers/), for the form; none without a directory.</summary>
    private async Task<IReadOnlyList<EmergencyLine>> FormLinesAsync(CancellationToken ct) =>
        emergencyLines.FirstOrDefault() is { } lines ? await lines.ForFormAsync(ct) : [];

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = Language.FromRequest(request);
        // Every blob stored while reading is deleted when this request does not end in a ticket, whatever the reason
        // (refusal, honeypot, disconnect, exception); once handed to TicketIntake, the ticket keeps them or intake deletes them.
        await using var uploads = attachments.BeginUploads();
        var read = await reader.ReadAsync(request, lang, uploads, ct);
        switch (read)
        {
            case ReadResult.UnsupportedMediaType u:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                    detail: $"Send application/x-www-form-urlencoded, multipart/form-data or application/json (got '{u.ContentType ?? "none"}').");
            case ReadResult.Malformed m:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: m.Detail);
            case ReadResult.Unreadable { Failure: var failure }:
                return failure.ToResult();
            case ReadResult.TooLarge big when IsBrowser(request, big.Format):
                return HtmlPage.Result(FormPage.Render(lang, intakeOptions.Value, NewFormToken(), big.Partial,
                    new Dictionary<string, string> { ["attachments"] = big.Detail }), StatusCodes.Status413PayloadTooLarge);
            case ReadResult.TooLarge big:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: big.Detail);
        }

        var ok = (ReadResult.Ok)read;
        var submission = ok.Submission;
        var browser = IsBrowser(request, ok.Format);
        lang = Language.IsSupported(submission.Lang) ? Language.Normalize(submission.Lang) : lang;

        if (Honeypot.IsFilled(submission))
        {
            // A bot: answer as if accepted, store nothing.
            IntakeLog.HoneypotFilled(logger);
            return browser ? HtmlPage.Result(FormPage.Render(lang, intakeOptions.Value, NewFormToken()), StatusCodes.Status200OK) : TypedResults.Accepted((string?)null);
        }

        var key = IdempotencyKey.Of(request, submission);
        if (!key.IsValid)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key",
                detail: $"The Idempotency-Key must be at most {IdempotencyKey.MaxLength} printable characters.");
        }

        var validation = validator.Validate(submission, lang);
        var errors = new Dictionary<string, string>(validation.Errors);
        foreach (var (field, message) in ok.FieldErrors)
        {
            errors[field] = message;
        }

        if (errors.Count > 0)
        {
            return browser
                ? HtmlPage.Result(FormPage.Render(lang, intakeOptions.Value, submission.FormToken ?? NewFormToken(), submission, errors, await FormLinesAsync(ct)),
                    StatusCodes.Status400BadRequest)
                : TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                    title: "The ticket has invalid fields", detail: "Correct the fields listed in 'errors' and send again.");
        }

        var source = new IntakeSource(IntakeChannel.Web, ok.Format == SubmissionFormat.Json ? "api" : "form");
        var result = await intake.CreateAsync(validation.Valid!, uploads.HandOver(), key.Value, source, ct);
        return result switch
        {
            // Keys are scoped to the tenant: the other request may be somebody else's, so its ticket is not named.
            IntakeResult.KeyReused => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request."),
            IntakeResult.Created { Ticket: var ticket } => await CreatedAnswerAsync(ticket, browser, lang, replayed: false, ct),
            IntakeResult.Replayed { Ticket: var ticket } => await CreatedAnswerAsync(ticket, browser, lang, replayed: true, ct),
            _ => throw new InvalidOperationException("Unknown intake result."),
        };
    }

    private async Task<IResult> CreatedAnswerAsync(Ticket ticket, bool browser, string lang, bool replayed, CancellationToken ct)
    {
        var status = replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        if (browser)
        {
            var conversation = conversationOptions.Value;
            var promise = ticket.DueAt is { } due
                ? Conversation.PromisedTime.Words(lang, due, time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone))
                : null;
            // Whom to call when it cannot wait: the directory's line for the ticket's category, else the reference IT contact.
            var line = emergencyLines.FirstOrDefault() is { } lines ? await lines.ForCategoryAsync(ticket.Category, ct) : null;
            return HtmlPage.Result(FormPage.RenderConfirmation(lang, ticket, promise,
                statusLinks.Url(ticket.Number, ticket.Requester.Email, ticket.CreatedAt), conversation.EmergencyPhone, line), status);
        }

        var url = options.Value.TicketUrl(ticket.Number).ToString();
        var dto = new CreatedTicketDto(ticket.Number, ticket.Reference, ticket.Status, ticket.Priority, ticket.Level, ticket.CreatedAt, ticket.DueAt, url);
        return new LocatedResult(url, TypedResults.Json(dto, HelpdeskJson.Options, statusCode: status));
    }

    private static bool IsBrowser(HttpRequest request, SubmissionFormat format) =>
        format != SubmissionFormat.Json && HtmlPage.AcceptsHtml(request);

    private static string NewFormToken() => Base64Url.Encode(RandomNumberGenerator.GetBytes(18));
}
