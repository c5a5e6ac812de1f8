using System.Globalization;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// The status page's routes, written once for both hosts. A link that is malformed, forged, expired or names no ticket
/// gets the same <c>403</c> page, which says nothing about any ticket. Posts (reply, "it is solved", "it is still
/// broken", rating, files) need the link and the page's per-form token (<see cref="StatusLinks.FormToken"/>): a page of
/// another site cannot post for the requester without both. Files come as <c>multipart/form-data</c> with the request
/// form's limits (<see cref="StatusUploadReader"/>) and are recorded once on the ticket (<see cref="RequesterAttachments"/>). The requester acts under their own address, so their words are
/// public comments that are never mailed back to them. After a post the browser is sent back to the page (303).
/// </summary>
public sealed class StatusHandler(
    StatusLinks links,
    TicketStore store,
    TicketService tickets,
    SatisfactionStore satisfaction,
    SlaStatusReader sla,
    AttachmentStore attachmentStore,
    StatusUploadReader uploadReader,
    RequesterAttachments requesterAttachments,
    IntakeOptions intake,
    IOptions<ConversationOptions> options,
    IOptions<BusinessCalendarOptions> calendar,
    TimeProvider time,
    ILogger<StatusHandler> logger)
{
    /// <summary>A status form post is small: a reply of at most <see cref="ActionCommands.MaxTextLength"/> characters and tokens.</summary>
    public const int MaxPostBytes = 64 * 1024;

    /// <summary>The action of the page's "add files" form (the only multipart one).</summary>
    public const string AttachAction = "attach";

    private static readonly string[] Actions = ["reply", "solved", "broken", "rate", AttachAction];

    public async Task<IResult> GetAsync(HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = await AuthorizeAsync(token, ct);
        if (ticket is null)
        {
            return Denied(request);
        }

        var lang = LangOf(request, ticket);
        int? chosen = int.TryParse(request.Query["rate"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5 ? r : null;
        var done = request.Query["done"].ToString();
        var notice = Actions.Contains(done) ? ConversationTexts.Get(lang, "status.done." + done) : null;
        return await PageAsync(ticket, token, lang, StatusCodes.Status200OK, chosen, notice, new Dictionary<string, string>(), null, ct);
    }

    public async Task<IResult> PostAsync(HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = await AuthorizeAsync(token, ct);
        if (ticket is null)
        {
            return Denied(request);
        }

        var lang = LangOf(request, ticket);
        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return await AttachAsync(request, ticket, token, lang, ct);
        }

        if (request.ContentLength is null or > MaxPostBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                detail: $"A status page form is at most {MaxPostBytes} bytes, sent with its length.");
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the status page's form (application/x-www-form-urlencoded).");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: "The form could not be read.");
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            return failure.ToResult();
        }

        var now = time.GetUtcNow();
        var action = form["action"].ToString();
        if (!links.VerifyFormToken(token, form["formToken"], now))
        {
            ConversationLog.StatusLinkRefused(logger, "form token");
            return await PageAsync(ticket, token, lang, StatusCodes.Status403Forbidden, null, null,
                new Dictionary<string, string> { [FieldOf(action)] = ConversationTexts.Get(lang, "status.form.expired") }, null, ct);
        }

        if (!Actions.Contains(action) || action == AttachAction)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown action",
                detail: $"'{action}' is not a status page action. Actions: {string.Join(", ", Actions)} ('{AttachAction}' as multipart/form-data).");
        }

        if (ticket.Status == TicketStatus.Closed && action != "rate")
        {
            return await PageAsync(ticket, token, lang, StatusCodes.Status409Conflict, null, null,
                new Dictionary<string, string> { ["title"] = ConversationTexts.Get(lang, "status.action.closed") }, null, ct);
        }

        var actor = ticket.Requester.Email;
        var text = form["text"].ToString().Trim();
        try
        {
            switch (action)
            {
                case "reply":
                    if (text.Length == 0 || text.Length > ActionCommands.MaxTextLength)
                    {
                        var message = text.Length == 0
                            ? ConversationTexts.Get(lang, "status.reply.empty")
                            : ConversationTexts.Format(lang, "status.reply.long", ActionCommands.MaxTextLength);
                        return await PageAsync(ticket, token, lang, StatusCodes.Status400BadRequest, null, null,
                            new Dictionary<string, string> { ["reply-text"] = message }, form["text"].ToString(), ct);
                    }

                    await tickets.ApplyAsync(ticket.Number, new Comment(actor, text, Visibility.Public), ct);
                    // The answer the ticket waited for: the clock runs again.
                    if (ticket.Status == TicketStatus.WaitingOnRequester)
                    {
                        await tickets.ApplyAsync(ticket.Number, new Resume(actor, "The requester answered from the status page."), ct);
                    }

                    break;
                case "solved":
                    TicketCommand solved = ticket.Status == TicketStatus.Resolved
                        ? new Close(actor, "The requester confirmed it is solved.")
                        : new Resolve(actor, "The requester reports the problem is solved.");
                    await tickets.ApplyAsync(ticket.Number, solved, ct);
                    break;
                case "broken":
                    await tickets.ApplyAsync(ticket.Number, new Reopen(actor, text.Length == 0 ? "The requester reports it is still broken." : Limit(text)), ct);
                    break;
                case "rate":
                    if (await RateAsync(ticket, form, lang, now, ct) is { } errors)
                    {
                        return await PageAsync(ticket, token, lang, StatusCodes.Status400BadRequest, null, null, errors, null, ct);
                    }

                    break;
            }
        }
        catch (InvalidTransitionException)
        {
            return await PageAsync(ticket, token, lang, StatusCodes.Status409Conflict, null, null,
                new Dictionary<string, string> { ["title"] = ConversationTexts.Get(lang, "status.action.invalid") }, null, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return await PageAsync(ticket, token, lang, StatusCodes.Status409Conflict, null, null,
                new Dictionary<string, string> { ["title"] = ConversationTexts.Get(lang, "status.action.invalid") }, null, ct);
        }

        ConversationLog.StatusPageAction(logger, action, ticket.Number);
        // Post/redirect/get: reloading the page never posts twice.
        return new LocatedResult($"/{ApiRoutes.Prefix}/status/{token}?lang={lang}&done={action}", TypedResults.StatusCode(StatusCodes.Status303SeeOther));
    }

    /// <summary>
    /// The "add files" form: read with the intake's limits (every refusal deletes what this post stored), then recorded
    /// once on the ticket. Files sent while the ticket waits on the requester are their answer: the clock runs again.
    /// </summary>
    private async Task<IResult> AttachAsync(HttpRequest request, Ticket ticket, string token, string lang, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status409Conflict, "title", ConversationTexts.Get(lang, "status.action.closed"), ct);
        }

        // Whatever happens below, what this post stored and no ticket took is deleted when the request ends.
        await using var uploads = attachmentStore.BeginUploads();
        var read = await uploadReader.ReadAsync(request, token, lang, uploads, time.GetUtcNow(), ct);
        switch (read)
        {
            case StatusUpload.Forbidden:
                ConversationLog.StatusLinkRefused(logger, "form token");
                return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status403Forbidden, StatusUploadReader.FileField,
                    ConversationTexts.Get(lang, "status.form.expired"), ct);
            case StatusUpload.TooLarge big:
                return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status413PayloadTooLarge, StatusUploadReader.FileField, big.Message, ct);
            case StatusUpload.Malformed m:
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: m.Detail);
            case StatusUpload.Unreadable u:
                return u.Failure.ToResult();
            case StatusUpload.Ok { Errors.Count: > 0 } refused:
                return await PageAsync(ticket, token, lang, StatusCodes.Status400BadRequest, null, null, new Dictionary<string, string>(refused.Errors), null, ct);
        }

        if (uploads.Files.Count == 0)
        {
            return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status400BadRequest, StatusUploadReader.FileField,
                ConversationTexts.Get(lang, "status.attach.none"), ct);
        }

        var actor = ticket.Requester.Email;
        try
        {
            var outcome = await requesterAttachments.AddAsync(ticket.Number, actor, uploads, ct);
            if (outcome == AttachOutcome.TicketFull)
            {
                return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status400BadRequest, StatusUploadReader.FileField,
                    ConversationTexts.Format(lang, "status.attach.full", options.Value.MaxTicketAttachments), ct);
            }

            if (outcome == AttachOutcome.Added && ticket.Status == TicketStatus.WaitingOnRequester)
            {
                await tickets.ApplyAsync(ticket.Number, new Resume(actor, "The requester sent files from the status page."), ct);
            }
        }
        catch (Exception ex) when (ex is InvalidTransitionException or ConcurrencyConflictException)
        {
            return await ErrorPageAsync(ticket, token, lang, StatusCodes.Status409Conflict, "title", ConversationTexts.Get(lang, "status.action.invalid"), ct);
        }

        ConversationLog.StatusPageAction(logger, AttachAction, ticket.Number);
        return new LocatedResult($"/{ApiRoutes.Prefix}/status/{token}?lang={lang}&done={AttachAction}", TypedResults.StatusCode(StatusCodes.Status303SeeOther));
    }

    private Task<IResult> ErrorPageAsync(Ticket ticket, string token, string lang, int status, string field, string message, CancellationToken ct) =>
        PageAsync(ticket, token, lang, status, null, null, new Dictionary<string, string> { [field] = message }, null, ct);

    private async Task<Dictionary<string, string>?> RateAsync(Ticket ticket, IFormCollection form, string lang, DateTimeOffset now, CancellationToken ct)
    {
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            return new Dictionary<string, string> { ["title"] = ConversationTexts.Get(lang, "status.action.invalid") };
        }

        if (!int.TryParse(form["rating"], NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
        {
            return new Dictionary<string, string> { ["rating"] = ConversationTexts.Get(lang, "status.rate.missing") };
        }

        var comment = form["comment"].ToString().Trim();
        var stored = new SatisfactionRating(ticket.Number, rating, comment.Length == 0 ? null : Limit(comment, SatisfactionStore.MaxCommentLength), now);
        await satisfaction.SaveAsync(stored, ct);
        // Technicians see ratings in the ticket's history (internal: the requester has their own summary on the page).
        await store.AppendAsync(ticket.Number, new TimelineEntry(now, ticket.Requester.Email, "satisfaction",
            $"Rated {rating}/5 by the requester." + (stored.Comment is null ? "" : " " + stored.Comment), Visibility.Internal,
            new Dictionary<string, string> { ["rating"] = rating.ToString(CultureInfo.InvariantCulture) }), Guid.NewGuid().ToString("N")[..12], ct);
        ConversationLog.SatisfactionRated(logger, ticket.Number, rating);
        return null;
    }

    /// <summary>The ticket of a valid, unexpired link, or null (the same answer for every reason: nothing leaks).</summary>
    private async Task<Ticket?> AuthorizeAsync(string? token, CancellationToken ct)
    {
        if (!StatusLinks.TryParse(token, out var number, out var expires))
        {
            ConversationLog.StatusLinkRefused(logger, "malformed");
            return null;
        }

        if (expires <= time.GetUtcNow())
        {
            ConversationLog.StatusLinkRefused(logger, "expired");
            return null;
        }

        var stored = await store.GetAsync(number, ct);
        if (stored is null || !links.Verify(token!, number, stored.Ticket.Requester.Email))
        {
            ConversationLog.StatusLinkRefused(logger, "signature");
            return null;
        }

        return stored.Ticket;
    }

    private async Task<IResult> PageAsync(Ticket ticket, string token, string lang, int status, int? chosen, string? notice,
        Dictionary<string, string> errors, string? replyText, CancellationToken ct)
    {
        // Read again after a change so the page shows it; the timeline is the ticket's partition. The four reads are
        // independent: one round trip's wait, not four.
        var stored = store.GetAsync(ticket.Number, ct);
        var lines = store.GetTimelineAsync(ticket.Number, ct);
        var rated = satisfaction.GetAsync(ticket.Number, ct);
        var clocked = sla.ReadAsync(ticket.Number, ct);
        await Task.WhenAll(stored, lines, rated, clocked);
        var fresh = (await stored)?.Ticket ?? ticket;
        var (timeline, rating, clock) = (await lines, await rated, await clocked);
        var now = time.GetUtcNow();
        var zone = Zone();
        var model = new StatusPageModel(lang, token, links.FormToken(token, now), fresh, timeline, NextStep.Words(fresh, clock, lang, now, zone),
            string.IsNullOrWhiteSpace(options.Value.EmergencyPhone) ? null : options.Value.EmergencyPhone.Trim(),
            rating, chosen, notice, errors, replyText, zone, intake);
        return HtmlPage.Result(StatusPage.Render(model), status);
    }

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);

    private static IResult Denied(HttpRequest request) =>
        HtmlPage.Result(StatusPage.RenderDenied(Language.FromRequest(request)), StatusCodes.Status403Forbidden);

    // ?lang= (the page's language switch) wins; otherwise the requester's own language, as in their mails.
    private static string LangOf(HttpRequest request, Ticket ticket) =>
        Language.IsSupported(request.Query["lang"]) ? Language.Normalize(request.Query["lang"]) : Language.Normalize(ticket.Requester.Language);

    private static string FieldOf(string action) => action switch
    {
        "reply" => "reply-text",
        "rate" => "rating",
        _ => "title",
    };

    private static string Limit(string text, int max = ActionCommands.MaxTextLength) => text.Length > max ? text[..max] : text;
}
