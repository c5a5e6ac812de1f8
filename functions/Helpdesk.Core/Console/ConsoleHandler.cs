using System.Globalization;
using System.Text;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>
/// The console's pages and form posts, written once for both hosts. Each finds the signed-in person itself (session
/// cookie or platform principal, mapped to the roster): nobody else sees a page; every post carries the anti-forgery
/// token (<see cref="ConsoleForms"/>); every action is recorded under the person's own name.
/// </summary>
public sealed class ConsoleHandler(
    SignedInPeople people,
    Sessions sessions,
    Roster roster,
    TicketService tickets,
    LevelQueues queues,
    SlaStatusReader sla,
    TicketIntake intake,
    SubmissionValidator validator,
    SignInLimiter limiter,
    KnownRequesters knownRequesters,
    Conversation.SatisfactionStore satisfaction,
    ClosedTicketSearch closedTickets,
    IEnumerable<ITicketPageSection> sections,
    Operations.PoisonMessages poison,
    Operations.ReconcileRuns reconcileRuns,
    TimeProvider time,
    IOptions<TechniciansOptions> options,
    ILogger<ConsoleHandler> logger,
    IExternalSignIn? externalSignIn = null)
{
    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 40, KeyLengthLimit = 100, ValueLengthLimit = 16 * 1024 };

    // ---- sign-in -------------------------------------------------------------------------------------------------

    public IResult SignInForm(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var returnPath = LocalReturnPath(request.Query[ReturnUrlParameter].ToString());
        if (options.Value.TrustPlatformPrincipal)
        {
            return Results.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(returnPath ?? ConsoleRoutes.Path(ConsoleRoutes.Queues)));
        }

        // The button of the external sign-in is a plain link to this page (a form post could not be redirected to the
        // provider: the pages' CSP says form-action 'self').
        if (External is { } provider && request.Query["with"] == ExternalSignInValue)
        {
            return provider.Challenge(request.HttpContext, returnPath ?? ConsoleRoutes.Path(ConsoleRoutes.Queues));
        }

        return SignInPage(request.HttpContext, Language.FromRequest(request), null, 200, returnPath);
    }

    public async Task<IResult> SignInAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var lang = Language.FromRequest(request);
        if (options.Value.TrustPlatformPrincipal)
        {
            return SignInForm(request);
        }

        if (!options.Value.KeySignIn)
        {
            ExternalSignInLog.KeySignInOff(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return SignInPage(http, lang, T(lang, "signin.keysoff"), StatusCodes.Status403Forbidden, null);
        }

        if (!limiter.TryAcquire(http))
        {
            return SignInPage(http, lang, T(lang, "signin.limited"), StatusCodes.Status429TooManyRequests, null);
        }

        var (form, refusal) = await ReadFormAsync(request, lang, null, ct);
        if (form is null)
        {
            return refusal!;
        }

        var returnPath = LocalReturnPath(form[ReturnUrlParameter].ToString());
        if (!request.IsHttps && !ConsoleForms.IsLoopback(http))
        {
            return SignInPage(http, lang, T(lang, "signin.https"), StatusCodes.Status400BadRequest, returnPath);
        }

        var person = await roster.SignInAsync(form["key"].ToString().Trim(), ct);
        if (person is null)
        {
            TechniciansLog.SignInRefused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return SignInPage(http, lang, T(lang, "signin.wrong"), StatusCodes.Status401Unauthorized, returnPath);
        }

        await OpenSessionAsync(http, person, ct);
        TechniciansLog.SignedIn(logger, person.Id);
        return Results.Redirect(AfterSignIn(person, returnPath), false, false);
    }

    /// <summary>
    /// The end of an external sign-in, called by the host once it has verified the provider's id token and read the
    /// address in it: the person with that address on the roster, not disabled, gets the same session as a key sign-in
    /// (so sign-out, removal from the roster and expiry work alike) and goes on to the console; anyone else gets a 403
    /// page and no session.
    /// </summary>
    public async Task<IResult> ExternalSignInAsync(HttpContext http, string? email, string? returnPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lang = Language.FromRequest(http.Request);
        var person = email is null ? null : await roster.FindByEmailAsync(email, ct);
        if (person is not { Disabled: false })
        {
            if (person is not null)
            {
                ExternalSignInLog.Disabled(logger, person.Id);
            }
            else if (email is not null)
            {
                ExternalSignInLog.NotOnRoster(logger, email[(email.LastIndexOf('@') + 1)..], Roster.IdOf(email));
            }

            return Page(http, lang, null, T(lang, "notroster"), ConsoleHtml.Error(T(lang, "notroster")), StatusCodes.Status403Forbidden);
        }

        await OpenSessionAsync(http, person, ct);
        ExternalSignInLog.SignedIn(logger, person.Id);
        return Results.Redirect(AfterSignIn(person, LocalReturnPath(returnPath)), false, false);
    }

    /// <summary>The sign-in page saying the external sign-in did not complete (cancelled, refused, expired or forged answer): no session.</summary>
    public IResult ExternalSignInFailed(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lang = Language.FromRequest(http.Request);
        return SignInPage(http, lang, T(lang, "signin.failed"), StatusCodes.Status400BadRequest, null);
    }

    /// <summary>The sign-in page saying the provider cannot be reached (its discovery document could not be read): try again later, or use a key.</summary>
    public IResult ExternalSignInUnavailable(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var lang = Language.FromRequest(http.Request);
        return SignInPage(http, lang, T(lang, "signin.unavailable"), StatusCodes.Status503ServiceUnavailable, null);
    }

    public async Task<IResult> SignOutAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var (form, refusal) = await ReadFormAsync(request, Language.FromRequest(request), null, ct);
        if (form is null)
        {
            return refusal!;
        }

        if (options.Value.TrustPlatformPrincipal)
        {
            return Results.Redirect("/.auth/logout");
        }

        await sessions.CloseAsync(request.Cookies[SignedInPeople.SessionCookie], ct);
        http.Response.Cookies.Delete(SignedInPeople.SessionCookie, ConsoleForms.CookieOptions(http, SameSiteMode.Lax));
        return Results.Redirect(ConsoleRoutes.Path(ConsoleRoutes.SignIn), false, false);
    }

    /// <summary>The query value of <c>with</c> that starts the external sign-in from the sign-in page.</summary>
    public const string ExternalSignInValue = "provider";

    public const string ReturnUrlParameter = "returnUrl";

    public const int MaxReturnUrlLength = 512;

    /// <summary>
    /// A return address is only ever a console path on this site: never another site (<c>//evil.example</c>,
    /// <c>/\evil.example</c>), so that a sign-in link cannot send someone on to a look-alike page; nor the sign-in page itself.
    /// </summary>
    public static string? LocalReturnPath(string? url)
    {
        var console = ConsoleRoutes.Path(ConsoleRoutes.Queues);
        return url is { Length: > 0 and <= MaxReturnUrlLength }
            && url.StartsWith(console, StringComparison.Ordinal)
            && (url.Length == console.Length || url[console.Length] is '/' or '?')
            && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            && !url.StartsWith(ConsoleRoutes.Path(ConsoleRoutes.SignIn), StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : null;
    }

    /// <summary>Where a sign-in leads: the page asked for, else the person's own level's queue.</summary>
    private static string AfterSignIn(Technician person, string? returnPath) =>
        returnPath is not null && returnPath != ConsoleRoutes.Path(ConsoleRoutes.Queues)
            ? returnPath
            : ConsoleRoutes.Path(ConsoleRoutes.Queues) + "?queue=" + person.HomeLevel;

    private IExternalSignIn? External => externalSignIn is { IsConfigured: true } ? externalSignIn : null;

    /// <summary>The one kind of console session, whatever proved who the person is: a token in the table, its cookie here.</summary>
    private async Task OpenSessionAsync(HttpContext http, Technician person, CancellationToken ct)
    {
        var token = await sessions.OpenAsync(person, ct);
        var cookie = ConsoleForms.CookieOptions(http, SameSiteMode.Lax);
        cookie.MaxAge = options.Value.SessionLifetime;
        http.Response.Cookies.Append(SignedInPeople.SessionCookie, token, cookie);
    }

    private IResult SignInPage(HttpContext http, string lang, string? error, int status, string? returnPath)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(T(lang, "signin.title"))}</h1>");
        if (error is not null)
        {
            sb.Append(ConsoleHtml.Error(error));
        }

        var returnQuery = returnPath is null ? "" : "&" + ReturnUrlParameter + "=" + Uri.EscapeDataString(returnPath);
        if (External is { } provider)
        {
            var label = provider.DisplayName is { } name ? F(lang, "signin.with", name) : T(lang, "signin.with.default");
            sb.Append(CultureInfo.InvariantCulture,
                $"<p><a class=\"button\" id=\"external-sign-in\" href=\"{E(ConsoleRoutes.Path(ConsoleRoutes.SignIn) + "?with=" + ExternalSignInValue + returnQuery)}\">{E(label)}</a></p>");
        }

        if (options.Value.KeySignIn)
        {
            if (External is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "signin.or"))}</h2>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.SignIn)}\">{ConsoleForms.HiddenField(http)}");
            if (returnPath is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{ReturnUrlParameter}\" value=\"{E(returnPath)}\">");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"key\">{E(T(lang, "signin.key"))}</label><input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"current-password\" required size=\"60\"></div>");
            sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T(lang, "signin.submit"))}</button></form>");
        }

        return Page(http, lang, null, T(lang, "signin.title"), sb.ToString(), status);
    }

    // ---- queues and search ---------------------------------------------------------------------------------------

    public async Task<IResult> QueuesAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, refusal) = await PersonAsync(request, ct);
        if (person is null)
        {
            return refusal!;
        }

        var http = request.HttpContext;
        var lang = person.Language;
        var query = request.Query["q"].ToString().Trim();
        if (query.Length > MaxSearch)
        {
            query = query[..MaxSearch];
        }

        // A ticket number (with or without #) opens that ticket, open or not.
        if (TicketHandler.TryParseNumber(query.TrimStart('#'), out var number) && await tickets.GetAsync(number, ct) is not null)
        {
            return Results.Redirect(ConsoleRoutes.TicketPath(number), false, false);
        }

        var queue = request.Query["queue"].ToString();
        if (!ConsoleQueues.Names.Contains(queue))
        {
            queue = query.Length > 0 ? "search" : person.HomeLevel.ToString();
        }

        var category = WireName.TryParse<Category>(request.Query["category"].ToString(), out var c) ? c : (Category?)null;
        var priority = Enum.TryParse<Priority>(request.Query["priority"].ToString(), out var p) && Enum.IsDefined(p) ? p : (Priority?)null;

        var open = await queues.ListOpenAsync(ConsoleQueues.MaxOpenTickets, ct);
        var counts = ConsoleQueues.Names.ToDictionary(n => n, n => open.Count(i => ConsoleQueues.In(n, i, person)));
        var matching = open.Where(i => queue == "search" || ConsoleQueues.In(queue, i, person))
            .Where(i => query.Length == 0 || ConsoleQueues.Matches(i, query));
        if (queue == "search" && query.Length > 0)
        {
            // Resolved and closed tickets too, after the open ones (they have no due time), their state in the status column.
            var openNumbers = open.Select(i => i.Number).ToHashSet();
            var closed = await closedTickets.SearchAsync(query, ConsoleQueues.MaxRows, ct);
            matching = matching.Concat(closed.Where(i => !openNumbers.Contains(i.Number)));
        }

        var rows = matching
            .Where(i => category is null || i.Category == category)
            .Where(i => priority is null || i.Priority == priority);
        var sorted = ConsoleQueues.Sorted(rows);
        var title = T(lang, "queue." + queue);
        return Page(http, lang, person, title, QueueView.Render(lang, queue, title, sorted.Take(ConsoleQueues.MaxRows).ToList(), sorted.Count, query, category, priority, time.GetUtcNow()),
            counts: counts, current: queue);
    }

    private const int MaxSearch = ConsoleQueues.MaxSearchLength;

    // ---- ticket page and actions ---------------------------------------------------------------------------------

    public async Task<IResult> TicketAsync(HttpRequest request, string number, CancellationToken ct)
    {
        var (person, refusal) = await PersonAsync(request, ct);
        if (person is null)
        {
            return refusal!;
        }

        var done = request.Query["done"].ToString();
        var notice = TicketCommand.ActionNames.Contains(done) ? T(person.Language, "ticket.done") : null;
        return await TicketPageAsync(request.HttpContext, person, number, notice, null, 200, ct);
    }

    public async Task<IResult> ActAsync(HttpRequest request, string number, string action, CancellationToken ct)
    {
        var (person, refusal) = await PersonAsync(request, ct);
        if (person is null)
        {
            return refusal!;
        }

        var http = request.HttpContext;
        var lang = person.Language;
        if (!TicketHandler.TryParseNumber(number, out var parsed) || !TicketCommand.ActionNames.Contains(action))
        {
            return NotFoundPage(http, person);
        }

        var (form, formRefusal) = await ReadFormAsync(request, lang, person, ct);
        if (form is null)
        {
            return formRefusal!;
        }

        string? Field(string name) => form.TryGetValue(name, out var v) && v.ToString().Length > 0 ? v.ToString() : null;
        var errors = new List<string>();
        var body = new ActionRequest
        {
            Text = Field("text"),
            Visibility = Choice<Visibility>(Field("visibility"), "visibility", errors),
            Assignee = Field("assignee"),
            On = Choice<WaitingOn>(Field("on"), "on", errors),
            Provider = Field("provider"),
            Reason = Field("reason"),
            Resolution = Field("resolution"),
            Priority = Field("priority") is { } pr ? (Enum.TryParse<Priority>(pr, out var prio) && Enum.IsDefined(prio) ? prio : Bad<Priority>("priority", errors)) : null,
        };
        var (command, fieldErrors) = ActionCommands.Build(action, person.Name, body);
        errors.AddRange(fieldErrors.SelectMany(e => e.Value));
        if (command is null || errors.Count > 0)
        {
            return await TicketPageAsync(http, person, number, null, string.Join(" ", errors), StatusCodes.Status400BadRequest, ct);
        }

        try
        {
            if (await tickets.ApplyAsync(parsed, command, ct) is null)
            {
                return NotFoundPage(http, person);
            }
        }
        catch (Exception ex) when (ex is InvalidTransitionException or ConcurrencyConflictException)
        {
            return await TicketPageAsync(http, person, number, null, ex.Message, StatusCodes.Status409Conflict, ct);
        }

        ConsoleLog.Acted(logger, parsed, action, person.Id);
        return Results.Redirect(ConsoleRoutes.TicketPath(parsed) + "?done=" + action, false, false);
    }

    private async Task<IResult> TicketPageAsync(HttpContext http, Technician person, string number, string? notice, string? error, int status, CancellationToken ct)
    {
        var lang = person.Language;
        if (!TicketHandler.TryParseNumber(number, out var parsed) || await tickets.GetAsync(parsed, ct) is not { } view)
        {
            return NotFoundPage(http, person);
        }

        // Independent reads, at once: the SLA clock, the team (assign form) and the requester's rating if they gave one.
        var clockRead = sla.ReadAsync(parsed, ct);
        var teamRead = roster.ListAsync(ct);
        var ratingRead = satisfaction.GetAsync(parsed, ct);
        var sectionsRead = Task.WhenAll(sections.Select(s => s.RenderAsync(view.Ticket, lang, ct)));
        var html = TicketPage.Render(http, lang, view, await clockRead, await teamRead, notice, error, time.GetUtcNow(), await ratingRead,
            string.Concat(await sectionsRead));
        return Page(http, lang, person, view.Ticket.Reference + " " + view.Ticket.Subject, html, status);
    }

    // ---- phone ticket --------------------------------------------------------------------------------------------

    public async Task<IResult> PhoneFormAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, refusal) = await PersonAsync(request, ct);
        return person is null ? refusal! : Page(request.HttpContext, person.Language, person, T(person.Language, "phone.title"),
            PhoneView.Render(request.HttpContext, person.Language, new TicketSubmission(), new Dictionary<string, string>(), await knownRequesters.ListAsync(ct)));
    }

    public async Task<IResult> PhoneAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, form, refusal) = await PostedFormAsync(request, adminOnly: false, ct);
        if (person is null || form is null)
        {
            return refusal!;
        }

        var http = request.HttpContext;
        var lang = person.Language;

        var submission = new TicketSubmission
        {
            Name = form["name"], Email = form["email"], Phone = form["phone"], Subject = form["subject"], Description = form["description"],
            Category = form["category"], Impact = form["impact"], CanWork = form["canWork"], AssetTag = form["assetTag"],
            Lang = Language.IsSupported(form["lang"]) ? form["lang"].ToString() : lang,
        };
        var outcome = validator.Validate(submission, lang);
        if (!outcome.IsValid)
        {
            return Page(http, lang, person, T(lang, "phone.title"), PhoneView.Render(http, lang, submission, outcome.Errors, await knownRequesters.ListAsync(ct)),
                StatusCodes.Status400BadRequest);
        }

        var result = await intake.CreateAsync(outcome.Valid!, [], null, new IntakeSource(IntakeChannel.Phone, person.Name), ct);
        var ticket = result switch
        {
            IntakeResult.Created created => created.Ticket,
            IntakeResult.Replayed replayed => replayed.Ticket,
            _ => throw new InvalidOperationException("A phone ticket has no idempotency key to reuse."),
        };
        // Taken by the person on the phone: acknowledged by them at once, so the first-response clock stops.
        await tickets.ApplyAsync(ticket.Number, new Acknowledge(person.Name, "Call taken by phone."), ct);
        ConsoleLog.PhoneTicket(logger, ticket.Number, person.Id);
        return Results.Redirect(ConsoleRoutes.TicketPath(ticket.Number) + "?done=acknowledge", false, false);
    }

    // ---- roster (admins) -----------------------------------------------------------------------------------------

    public async Task<IResult> RosterAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, refusal) = await AdminAsync(request, ct);
        if (person is null)
        {
            return refusal!;
        }

        var notice = request.Query["done"] == "saved" ? T(person.Language, "roster.saved") : null;
        return await RosterPageAsync(request.HttpContext, person, null, null, 200, ct, notice);
    }

    public async Task<IResult> RosterPostAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, form, refusal) = await PostedFormAsync(request, adminOnly: true, ct);
        if (person is null || form is null)
        {
            return refusal!;
        }

        var http = request.HttpContext;
        var lang = person.Language;

        var id = form["id"].ToString();
        switch (form["op"].ToString())
        {
            case "add":
                var name = form["name"].ToString().Trim();
                var email = form["email"].ToString().Trim();
                List<SupportLevel> levels = [.. form["levels"].Select(l => Enum.TryParse<SupportLevel>(l, out var level) && Enum.IsDefined(level) ? level : (SupportLevel?)null)
                    .OfType<SupportLevel>().Distinct().Order()];
                if (name.Length is 0 or > Technician.MaxNameLength || email.Length > SubmissionValidator.MaxEmailLength
                    || !System.Net.Mail.MailAddress.TryCreate(email, out _) || levels.Count == 0)
                {
                    return await RosterPageAsync(http, person, null, T(lang, "roster.invalid"), 400, ct);
                }

                var role = form["role"] == "admin" ? TechnicianRole.Admin : TechnicianRole.Technician;
                var added = await roster.AddAsync(name, email, levels, Language.Normalize(form["language"]), role, ct);
                return added is { } a
                    ? await RosterPageAsync(http, person, (a.Technician, a.Key), null, 200, ct)
                    : await RosterPageAsync(http, person, null, T(lang, "roster.exists"), 409, ct);
            case "newkey":
                return await roster.NewKeyAsync(id, ct) is { } key && await roster.GetAsync(id, ct) is { } who
                    ? await RosterPageAsync(http, person, (who, key), null, 200, ct)
                    : await RosterPageAsync(http, person, null, T(lang, "ticket.notfound"), 404, ct);
            case "edit":
                if (await roster.GetAsync(id, ct) is not { } current)
                {
                    return await RosterPageAsync(http, person, null, T(lang, "ticket.notfound"), 404, ct);
                }

                var edit = RosterHandler.Edit(current, [.. form["levels"].OfType<string>()], form["role"].ToString(), form["language"].ToString(), form["disabled"] == "true", []);
                if (edit is null)
                {
                    return await RosterPageAsync(http, person, null, T(lang, "roster.invalid"), 400, ct);
                }

                return id == person.Id && edit.Disabled
                    ? await RosterPageAsync(http, person, null, T(lang, "roster.selfdisable"), 409, ct)
                    : await RosterOutcomeAsync(http, person, await roster.ChangeAsync(id, edit, ct), ct);
            case "remove" when id == person.Id:
                return await RosterPageAsync(http, person, null, T(lang, "roster.self"), 409, ct);
            case "remove":
                return await RosterOutcomeAsync(http, person, await roster.RemoveAsync(id, ct), ct);
            default:
                return await RosterPageAsync(http, person, null, T(lang, "roster.invalid"), 400, ct);
        }
    }

    private async Task<IResult> RosterOutcomeAsync(HttpContext http, Technician person, RosterChangeOutcome outcome, CancellationToken ct) => outcome switch
    {
        RosterChangeOutcome.Done => Results.Redirect(ConsoleRoutes.Path(ConsoleRoutes.Roster) + "?done=saved", false, false),
        RosterChangeOutcome.NotFound => await RosterPageAsync(http, person, null, T(person.Language, "ticket.notfound"), 404, ct),
        RosterChangeOutcome.LastAdmin => await RosterPageAsync(http, person, null, T(person.Language, "roster.lastadmin"), 409, ct),
        _ => await RosterPageAsync(http, person, null, T(person.Language, "roster.conflict"), 409, ct),
    };

    private async Task<IResult> RosterPageAsync(HttpContext http, Technician person, (Technician Who, string Key)? shown, string? error, int status, CancellationToken ct,
        string? notice = null)
    {
        var team = await roster.ListAsync(ct);
        return Page(http, person.Language, person, T(person.Language, "roster.title"), RosterView.Render(http, person.Language, team, shown, error, notice), status);
    }

    // ---- operations (admins) ------------------------------------------------------------------------------------

    public async Task<IResult> OperationsAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, refusal) = await AdminAsync(request, ct);
        if (person is null)
        {
            return refusal!;
        }

        var notice = request.Query["done"] == "replay" ? T(person.Language, "ops.replayed") : null;
        return await OperationsPageAsync(request.HttpContext, person, notice, null, 200, ct);
    }

    public async Task<IResult> ReplayAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, form, refusal) = await PostedFormAsync(request, adminOnly: true, ct);
        if (person is null || form is null)
        {
            return refusal!;
        }

        var outcome = await poison.ReplayAsync(form["queue"].ToString(), form["id"].ToString(), person.Id, ct);
        return outcome == Operations.ReplayOutcome.Replayed
            ? Results.Redirect(ConsoleRoutes.Path(ConsoleRoutes.Operations) + "?done=replay", false, false)
            : await OperationsPageAsync(request.HttpContext, person, null, T(person.Language, "ops.notfound"), StatusCodes.Status404NotFound, ct);
    }

    private async Task<IResult> OperationsPageAsync(HttpContext http, Technician person, string? notice, string? error, int status, CancellationToken ct)
    {
        var listing = poison.ListAsync(ct);
        var lastRun = reconcileRuns.LastAsync(ct);
        var html = OperationsView.Render(http, person.Language, await listing, await lastRun, notice, error);
        return Page(http, person.Language, person, T(person.Language, "ops.title"), html, status);
    }

    // ---- who is asking -------------------------------------------------------------------------------------------

    private async Task<(Technician? Person, IResult? Refusal)> PersonAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var lookup = await people.FindAsync(request, ct);
        if (lookup.Person is { } person)
        {
            Callers.Set(http, Caller.For(person));
            return (person, null);
        }

        var lang = Language.FromRequest(request);
        if (lookup.NotOnRoster)
        {
            return (null, Page(http, lang, null, T(lang, "notroster"), ConsoleHtml.Error(T(lang, "notroster")), StatusCodes.Status403Forbidden));
        }

        if (request.Headers.ContainsKey("x-functions-key"))
        {
            return (null, Page(http, lang, null, T(lang, "people.only"), ConsoleHtml.Error(T(lang, "people.only")), StatusCodes.Status403Forbidden));
        }

        // Not signed in: pages send the browser to sign in; a post is refused outright (no action without a person).
        return HttpMethods.IsGet(request.Method)
            ? (null, Results.Redirect(SignInPathBackTo(request), false, false))
            : (null, Page(http, lang, null, T(lang, "signin.title"), ConsoleHtml.Error(T(lang, "signin.title")), StatusCodes.Status401Unauthorized));
    }

    /// <summary>The sign-in page, with the page asked for to come back to after signing in (not for the console's front page: that is where sign-in leads anyway).</summary>
    private static string SignInPathBackTo(HttpRequest request)
    {
        var here = LocalReturnPath(request.Path.Value + request.QueryString.Value);
        return here is null || here == ConsoleRoutes.Path(ConsoleRoutes.Queues)
            ? ConsoleRoutes.Path(ConsoleRoutes.SignIn)
            : ConsoleRoutes.Path(ConsoleRoutes.SignIn) + "?" + ReturnUrlParameter + "=" + Uri.EscapeDataString(here);
    }

    private async Task<(Technician? Person, IResult? Refusal)> AdminAsync(HttpRequest request, CancellationToken ct)
    {
        var (person, refusal) = await PersonAsync(request, ct);
        if (person is null || person.IsAdmin)
        {
            return (person, refusal);
        }

        var lang = person.Language;
        return (null, Page(request.HttpContext, lang, person, T(lang, "admin.only"), ConsoleHtml.Error(T(lang, "admin.only")), StatusCodes.Status403Forbidden));
    }

    /// <summary>
    /// A form post's person (any person on the roster, or an admin) and its form, read within limits and checked for the
    /// anti-forgery token; or the refusal page. Every console post starts here.
    /// </summary>
    private async Task<(Technician? Person, IFormCollection? Form, IResult? Refusal)> PostedFormAsync(HttpRequest request, bool adminOnly, CancellationToken ct)
    {
        var (person, refusal) = adminOnly ? await AdminAsync(request, ct) : await PersonAsync(request, ct);
        if (person is null)
        {
            return (null, null, refusal);
        }

        var (form, formRefusal) = await ReadFormAsync(request, person.Language, person, ct);
        return (person, form, formRefusal);
    }

    private static IResult NotFoundPage(HttpContext http, Technician person) =>
        Page(http, person.Language, person, T(person.Language, "ticket.notfound"), ConsoleHtml.Error(T(person.Language, "ticket.notfound")), 404);

    /// <summary>The posted form when it is a form, within limits, carrying this browser's anti-forgery token; else the refusal page.</summary>
    private static async Task<(IFormCollection? Form, IResult? Refusal)> ReadFormAsync(HttpRequest request, string lang, Technician? person, CancellationToken ct)
    {
        var http = request.HttpContext;
        if (request.ContentLength > ConsoleForms.MaxFormBytes)
        {
            return (null, Page(http, lang, person, T(lang, "forgery"), ConsoleHtml.Error(T(lang, "forgery")), StatusCodes.Status413PayloadTooLarge));
        }

        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(FormLimits, ct) : FormCollection.Empty;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Page(http, lang, person, T(lang, "forgery"), ConsoleHtml.Error(T(lang, "forgery")), StatusCodes.Status400BadRequest));
        }

        return ConsoleForms.IsValid(http, form)
            ? (form, null)
            : (null, Page(http, lang, person, T(lang, "forgery"), ConsoleHtml.Error(T(lang, "forgery")), StatusCodes.Status403Forbidden));
    }

    private static T? Choice<T>(string? text, string field, List<string> errors) where T : struct, Enum =>
        text is null ? null : WireName.TryParse<T>(text, out var value) ? value : Bad<T>(field, errors);

    private static T? Bad<T>(string field, List<string> errors) where T : struct
    {
        errors.Add($"'{field}' has a value that is not one of the choices.");
        return null;
    }
}
