using System.Text.Json;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// The roster API, for admins only (a person who is not an admin, or a machine key, gets 403): list, change a
/// person's levels, role, language or disabled flag, remove. Nobody removes or disables themselves, and the last
/// active admin stays an admin (409 in words).
/// </summary>
public sealed class RosterHandler(Roster roster)
{
    public const int MaxBodyBytes = 8 * 1024;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request.HttpContext) is { } refusal)
        {
            return refusal;
        }

        var team = await roster.ListAsync(ct);
        return TypedResults.Json(new { technicians = team.Select(Dto) }, HelpdeskJson.Options);
    }

    public async Task<IResult> ChangeAsync(HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request.HttpContext) is { } refusal)
        {
            return refusal;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"A roster change is at most {MaxBodyBytes} bytes.");
        }

        RosterEditRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RosterEditRequest>(new Web.BoundedStream(request.Body, MaxBodyBytes, () => new InvalidDataException("The body is too large.")), HelpdeskJson.Options, ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return Invalid("body", "Send a JSON object: {\"levels\":[\"L1\"],\"role\":\"technician\",\"language\":\"fr\",\"disabled\":false} (every field optional).");
        }

        if (body is null)
        {
            return Invalid("body", "Send a JSON object.");
        }

        if (await roster.GetAsync(id, ct) is not { } current)
        {
            return NotFound(id);
        }

        var errors = new Dictionary<string, string[]>();
        var edit = Edit(current, body.Levels, body.Role, body.Language, body.Disabled, errors);
        if (edit is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var me = Callers.Of(request.HttpContext)!.Person!;
        if (me.Id == id && edit.Disabled)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not yourself", detail: "You cannot disable yourself: ask another admin.");
        }

        return Answer(await roster.ChangeAsync(id, edit, ct), id);
    }

    public async Task<IResult> RemoveAsync(HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request.HttpContext) is { } refusal)
        {
            return refusal;
        }

        if (Callers.Of(request.HttpContext)!.Person!.Id == id)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not yourself", detail: "You cannot remove yourself: ask another admin.");
        }

        var outcome = await roster.RemoveAsync(id, ct);
        return outcome == RosterChangeOutcome.Done ? TypedResults.NoContent() : Answer(outcome, id);
    }

    /// <summary>
    /// The edit that applies the given values over <paramref name="current"/> (null values stay), or null with
    /// <paramref name="errors"/> filled. Shared with the console's team page.
    /// </summary>
    public static RosterEdit? Edit(Technician current, IReadOnlyList<string>? levels, string? role, string? language, bool? disabled, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(errors);
        List<SupportLevel> parsedLevels = [.. current.Levels];
        if (levels is not null)
        {
            parsedLevels = [];
            foreach (var level in levels)
            {
                if (!Enum.TryParse<SupportLevel>(level, out var l) || !Enum.IsDefined(l) || !level.StartsWith('L'))
                {
                    errors["levels"] = ["Levels are L1, L2 and L3."];
                    break;
                }

                parsedLevels.Add(l);
            }

            parsedLevels = [.. parsedLevels.Distinct().Order()];
            if (parsedLevels.Count == 0 && !errors.ContainsKey("levels"))
            {
                errors["levels"] = ["Give at least one level."];
            }
        }

        var parsedRole = current.Role;
        if (role is not null && !WireName.TryParse(role, out parsedRole))
        {
            errors["role"] = ["The role is technician or admin."];
        }

        var parsedLanguage = current.Language;
        if (language is not null)
        {
            if (Localization.Language.IsSupported(language))
            {
                parsedLanguage = Localization.Language.Normalize(language);
            }
            else
            {
                errors["language"] = [$"The language is one of: {string.Join(", ", Localization.Language.Supported)}."];
            }
        }

        return errors.Count > 0 ? null : new RosterEdit(parsedLevels, parsedRole, parsedLanguage, disabled ?? current.Disabled);
    }

    public static object Dto(Technician t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new { id = t.Id, name = t.Name, email = t.Email, levels = t.Levels.Select(l => l.ToString()), role = WireName.Of(t.Role), language = t.Language, disabled = t.Disabled };
    }

    private static IResult Answer(RosterChangeOutcome outcome, string id) => outcome switch
    {
        RosterChangeOutcome.Done => TypedResults.NoContent(),
        RosterChangeOutcome.NotFound => NotFound(id),
        RosterChangeOutcome.LastAdmin => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last admin",
            detail: "This is the last active admin: make another person admin first, so that someone can still manage the team."),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
            detail: "Someone changed the team at the same moment; nothing was written. Read the team again and retry."),
    };

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not on the roster", detail: $"Nobody with id '{id}' is on the roster.");

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult? Refuse(HttpContext http)
    {
        var caller = Callers.Of(http);
        if (caller is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required", detail: "The team is managed by admins: sign in to the console as an admin.");
        }

        return caller.IsAdmin ? null : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admins only",
            detail: caller.IsPerson ? "Only admins manage the team; ask an admin." : "Only admins signed in as themselves manage the team; a machine key has no role.");
    }
}
