using System.Text.Json;
using Azure;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

/// <summary>
/// The provider directory's routes, written once for both hosts. Every technician reads (<c>GET providers?category=</c>,
/// <c>GET providers/{id}</c>, <c>GET tickets/{number}/providers</c>); changes (<c>POST providers</c>,
/// <c>PUT providers/{id}</c> with <c>If-Match</c>, <c>DELETE providers/{id}</c>) are for admins of the roster and for
/// machine keys (which an operator configured): a technician signed in without the admin role gets 403.
/// </summary>
public sealed class ProviderHandler(
    ProviderStore store,
    ProviderDirectory directory,
    TicketStore tickets,
    AssetStore assets,
    TimeProvider time,
    IOptions<HelpdeskOptions> options,
    ILogger<ProviderHandler> logger)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["category"].ToString();
        var all = await directory.AllAsync(ct);
        if (text.Length == 0)
        {
            return TypedResults.Json(new { providers = all }, HelpdeskJson.Options);
        }

        if (!WireName.TryParse<Category>(text, out var category))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["category"] = [$"'{(text.Length > 40 ? text[..40] : text)}' is not one of {string.Join(", ", WireName.All<Category>())}."],
            });
        }

        return TypedResults.Json(new { category = WireName.Of(category), providers = ProviderDirectory.For(all, category, null) }, HelpdeskJson.Options);
    }

    public async Task<IResult> GetAsync(string id, CancellationToken ct)
    {
        if (!ProviderReader.IsId(id) || await store.GetAsync(id, ct) is not { } stored)
        {
            return NotFound(id);
        }

        return new ETagResult(stored.ETag, TypedResults.Json(stored.Provider, HelpdeskJson.Options));
    }

    /// <summary><c>POST providers</c>: a new provider (admins and keys).</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, out var actor) is { } refused)
        {
            return refused;
        }

        var (provider, problem) = await ReadAsync(request, routeId: null, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (await store.CreateAsync(provider!, ct) is not { } stored)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Id already used",
                detail: $"Provider '{provider!.Id}' exists already: update it with PUT (and its ETag) instead.");
        }

        ProvidersLog.Changed(logger, stored.Provider.Id, "created", actor);
        return new LocatedResult(Url(stored.Provider.Id),
            new ETagResult(stored.ETag, TypedResults.Json(stored.Provider, HelpdeskJson.Options, statusCode: StatusCodes.Status201Created)));
    }

    /// <summary><c>PUT providers/{id}</c>: the whole provider, as last read with its ETag in <c>If-Match</c> (428 without, 412 when stale).</summary>
    public async Task<IResult> UpdateAsync(HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, out var actor) is { } refused)
        {
            return refused;
        }

        if (!ProviderReader.IsId(id))
        {
            return NotFound(id);
        }

        if (IfMatch(request) is not { } etag)
        {
            return PreconditionRequired();
        }

        var (provider, problem) = await ReadAsync(request, id, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (await store.GetAsync(id, ct) is not { } current)
        {
            return NotFound(id);
        }

        if (current.ETag != etag || await store.ReplaceAsync(provider!, etag, ct) is not { } stored)
        {
            return Stale(id);
        }

        ProvidersLog.Changed(logger, id, "updated", actor);
        return new ETagResult(stored.ETag, TypedResults.Json(stored.Provider, HelpdeskJson.Options));
    }

    /// <summary><c>DELETE providers/{id}</c>: <c>If-Match</c> honoured when sent (412 when stale); 204, or 404 when there is none.</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request, out var actor) is { } refused)
        {
            return refused;
        }

        if (!ProviderReader.IsId(id) || await store.GetAsync(id, ct) is not { } current)
        {
            return NotFound(id);
        }

        var etag = IfMatch(request) ?? current.ETag;
        if (!await store.DeleteAsync(id, etag, ct))
        {
            return Stale(id);
        }

        ProvidersLog.Changed(logger, id, "deleted", actor);
        return TypedResults.NoContent();
    }

    public async Task<IResult> ForTicketAsync(string number, CancellationToken ct)
    {
        if (!TicketHandler.TryParseNumber(number, out var parsed) || await tickets.GetAsync(parsed, ct) is not { } stored)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found", detail: $"There is no ticket '{number}'.");
        }

        var ticket = stored.Ticket;
        var asset = AssetReader.NormalizeTag(ticket.AssetTag) is { } tag ? (await assets.GetAsync(tag, ct))?.Asset : null;
        return TypedResults.Json(new
        {
            number = ticket.Number,
            category = WireName.Of(ticket.Category),
            assetTag = asset?.Tag,
            providers = await directory.ForAsync(ticket.Category, asset, ct),
        }, HelpdeskJson.Options);
    }

    /// <summary>401 without a caller, 403 for a person without the admin role; else the name the change is logged under.</summary>
    private static ProblemHttpResult? Refusal(HttpRequest request, out string actor)
    {
        actor = "";
        if (Callers.Of(request.HttpContext) is not { } caller)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sign in to the console, or send a technician API key.");
        }

        if (caller.IsPerson && !caller.IsAdmin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admins only",
                detail: $"Signed in as {caller.Person!.Name}: only an admin of the team changes the provider directory.");
        }

        actor = caller.ActorFor(null);
        return null;
    }

    private async Task<(Provider? Provider, IResult? Problem)> ReadAsync(HttpRequest request, string? routeId, CancellationToken ct)
    {
        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body required", detail: "Send the provider as a JSON object."));
        }

        var (document, problem) = await AssetJson.ReadObjectAsync(request, allowEmpty: false, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var (provider, errors) = ProviderReader.Read(document!.RootElement, routeId, time.GetUtcNow());
            return provider is not null
                ? (provider, null)
                : (null, TypedResults.ValidationProblem(errors, title: "The provider has invalid fields"));
        }
    }

    private string Url(string id) => new Uri(options.Value.PublicBaseUrl, $"/{ApiRoutes.Prefix}/providers/{id}").ToString();

    private static ETag? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? null : new ETag(value);
    }

    private static ProblemHttpResult NotFound(string? id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
            detail: $"There is no provider '{(id is { Length: > 40 } ? id[..40] + "…" : id)}' in the directory.");

    private static ProblemHttpResult Stale(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Provider changed meanwhile",
            detail: $"Provider {id} was changed since you read it: read it again (GET) and apply your change to the new version.");

    private static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send the ETag of the provider as you read it in the If-Match header, so that no one else's change is overwritten.");
}
