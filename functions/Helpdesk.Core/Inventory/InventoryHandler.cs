using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// The technicians' inventory routes, written once for both hosts: create, read (with the asset's log and tickets),
/// update guarded by <c>If-Match</c> (412 on a stale ETag, 428 without one), retire, add an intervention, list with
/// filters and paging. Errors are problem+json in product words.
/// </summary>
public sealed class InventoryHandler(AssetStore store, TimeProvider time, IOptions<HelpdeskOptions> options, ILogger<InventoryHandler> logger)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxLogTextLength = 4000;

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, refused) = ActorOf(request, declared: null);
        if (refused is not null)
        {
            return refused;
        }

        var (asset, problem) = await ReadAssetAsync(request, routeTag: null, ct);
        if (problem is not null)
        {
            return problem;
        }

        var stored = await store.CreateAsync(asset! with { UpdatedAt = time.GetUtcNow() }, ct);
        if (stored is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tag already used",
                detail: $"Asset {asset!.Tag} exists already: update it with PUT (and its ETag) instead.");
        }

        InventoryLog.AssetCreated(logger, stored.Asset.Tag, actor!);
        return new LocatedResult(AssetUrl(stored.Asset.Tag), new ETagResult(stored.ETag, TypedResults.Json(stored.Asset, HelpdeskJson.Options, statusCode: StatusCodes.Status201Created)));
    }

    public async Task<IResult> GetAsync(string tag, CancellationToken ct)
    {
        if (AssetReader.NormalizeTag(tag) is not { } normalized)
        {
            return NotFound(tag);
        }

        var stored = await store.GetAsync(normalized, ct);
        if (stored is null)
        {
            return NotFound(normalized);
        }

        var log = await store.GetLogAsync(normalized, ct);
        var body = JsonSerializer.SerializeToNode(stored.Asset, HelpdeskJson.Options)!.AsObject();
        body["url"] = AssetUrl(normalized);
        body["log"] = JsonSerializer.SerializeToNode(log, HelpdeskJson.Options);
        body["tickets"] = new JsonArray([.. log.Where(l => l.Ticket is not null).Select(l => (JsonNode)new JsonObject
        {
            ["number"] = l.Ticket,
            ["url"] = options.Value.TicketUrl(l.Ticket!.Value).ToString(),
            ["subject"] = l.Text,
            ["at"] = l.At,
        })]);
        return new ETagResult(stored.ETag, TypedResults.Json(body, HelpdeskJson.Options));
    }

    /// <summary><c>PUT assets/{tag}</c>: the whole asset, as last read with its ETag in <c>If-Match</c>.</summary>
    public async Task<IResult> UpdateAsync(HttpRequest request, string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AssetReader.NormalizeTag(tag) is not { } normalized)
        {
            return NotFound(tag);
        }

        var (actor, refused) = ActorOf(request, declared: null);
        if (refused is not null)
        {
            return refused;
        }

        if (IfMatch(request) is not { } etag)
        {
            return PreconditionRequired();
        }

        var (asset, problem) = await ReadAssetAsync(request, normalized, ct);
        if (problem is not null)
        {
            return problem;
        }

        var current = await store.GetAsync(normalized, ct);
        if (current is null)
        {
            return NotFound(normalized);
        }

        if (current.ETag != etag)
        {
            return Stale(normalized);
        }

        var stored = await store.ReplaceAsync(asset! with { UpdatedAt = time.GetUtcNow() }, etag, ct);
        if (stored is null)
        {
            return Stale(normalized);
        }

        InventoryLog.AssetUpdated(logger, normalized, actor!);
        return new ETagResult(stored.ETag, TypedResults.Json(stored.Asset, HelpdeskJson.Options));
    }

    /// <summary><c>POST assets/{tag}/retire</c>, body <c>{"actor", "reason"}</c> (optional); <c>If-Match</c> honoured when sent.</summary>
    public async Task<IResult> RetireAsync(HttpRequest request, string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AssetReader.NormalizeTag(tag) is not { } normalized)
        {
            return NotFound(tag);
        }

        var (note, problem) = await ReadNoteAsync(request, required: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (actor, refused) = ActorOf(request, note!.Value.Actor);
        if (refused is not null)
        {
            return refused;
        }

        var current = await store.GetAsync(normalized, ct);
        if (current is null)
        {
            return NotFound(normalized);
        }

        if (IfMatch(request) is { } etag && etag != current.ETag)
        {
            return Stale(normalized);
        }

        if (current.Asset.Status == AssetStatus.Retired)
        {
            return new ETagResult(current.ETag, TypedResults.Json(current.Asset, HelpdeskJson.Options));
        }

        var now = time.GetUtcNow();
        var stored = await store.ReplaceAsync(current.Asset with { Status = AssetStatus.Retired, UpdatedAt = now }, current.ETag, ct);
        if (stored is null)
        {
            return Stale(normalized);
        }

        await store.AppendLogAsync(normalized, new AssetLogEntry(now, actor!, "Retired" + (note.Value.Text is { } reason ? ": " + reason : ".")), ct);
        InventoryLog.AssetRetired(logger, normalized, actor!);
        return new ETagResult(stored.ETag, TypedResults.Json(stored.Asset, HelpdeskJson.Options));
    }

    /// <summary><c>POST assets/{tag}/log</c>, body <c>{"actor", "text"}</c>: an intervention in the asset's documentation.</summary>
    public async Task<IResult> AddLogAsync(HttpRequest request, string tag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AssetReader.NormalizeTag(tag) is not { } normalized)
        {
            return NotFound(tag);
        }

        var (note, problem) = await ReadNoteAsync(request, required: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (actor, refused) = ActorOf(request, note!.Value.Actor);
        if (refused is not null)
        {
            return refused;
        }

        if (await store.GetAsync(normalized, ct) is null)
        {
            return NotFound(normalized);
        }

        var entry = new AssetLogEntry(time.GetUtcNow(), actor!, note.Value.Text!);
        await store.AppendLogAsync(normalized, entry, ct);
        return TypedResults.Json(entry, HelpdeskJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary><c>GET assets?type=&amp;site=&amp;owner=&amp;os=&amp;status=&amp;warrantyBefore=&amp;pageSize=&amp;continuationToken=</c>.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        string? Text(string name)
        {
            var value = request.Query[name].ToString().Trim();
            if (value.Length > AssetReader.MaxTextLength)
            {
                errors[name] = [$"At most {AssetReader.MaxTextLength} characters."];
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        T? Enum<T>(string name) where T : struct, System.Enum
        {
            if (Text(name) is not { } value)
            {
                return null;
            }

            if (WireName.TryParse<T>(value, out var parsed))
            {
                return parsed;
            }

            errors[name] = [$"'{value}' is not one of {string.Join(", ", WireName.All<T>())}."];
            return null;
        }

        var filter = new AssetFilter(Enum<AssetType>("type"), Text("site"), Text("owner"), Text("os"), Enum<AssetStatus>("status"));
        if (Text("warrantyBefore") is { } before)
        {
            if (DateOnly.TryParseExact(before, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                filter = filter with { WarrantyBefore = date };
            }
            else
            {
                errors["warrantyBefore"] = ["Write the date as 2027-03-31."];
            }
        }

        var pageSize = DefaultPageSize;
        if (Text("pageSize") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        string? token = null;
        if (request.Query["continuationToken"].ToString() is { Length: > 0 } continuation)
        {
            try
            {
                token = Encoding.UTF8.GetString(Base64Url.Decode(continuation));
            }
            catch (FormatException)
            {
                errors["continuationToken"] = ["The continuation token is not valid."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The inventory filter is not valid");
        }

        AssetPage page;
        try
        {
            page = await store.ListAsync(filter, pageSize, token, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            // A token that decodes but that storage does not recognise (edited, or from another list).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = ["The continuation token is not valid."] });
        }

        var next = page.ContinuationToken is null ? null : Base64Url.Encode(Encoding.UTF8.GetBytes(page.ContinuationToken));
        return TypedResults.Json(new { items = page.Items, continuationToken = next }, HelpdeskJson.Options);
    }

    private string AssetUrl(string tag) => new Uri(options.Value.PublicBaseUrl, $"/{ApiRoutes.Prefix}/assets/{Uri.EscapeDataString(tag)}").ToString();

    private async Task<(Asset? Asset, IResult? Problem)> ReadAssetAsync(HttpRequest request, string? routeTag, CancellationToken ct)
    {
        var (document, problem) = await AssetJson.ReadObjectAsync(request, allowEmpty: false, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var (fields, secrets, errors) = AssetJson.Fields(document!.RootElement);
            if (routeTag is not null)
            {
                var bodyTag = fields.GetValueOrDefault(AssetFields.Tag);
                if (bodyTag is not null && AssetReader.NormalizeTag(bodyTag) != routeTag)
                {
                    errors.Add(new FieldError(AssetFields.Tag, $"The tag cannot change ('{routeTag}' in the URL). Create the new tag and retire this one."));
                }

                fields[AssetFields.Tag] = routeTag;
            }

            if (errors.Count == 0)
            {
                var (asset, fieldErrors) = AssetReader.Read(fields, secrets, time.GetUtcNow());
                if (asset is not null)
                {
                    return (asset, null);
                }

                errors.AddRange(fieldErrors);
            }

            return (null, TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Error).ToArray()),
                title: "The asset has invalid fields"));
        }
    }

    private static async Task<((string Actor, string? Text)? Note, IResult? Problem)> ReadNoteAsync(HttpRequest request, bool required, CancellationToken ct)
    {
        var (document, problem) = await AssetJson.ReadObjectAsync(request, allowEmpty: !required, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var errors = new Dictionary<string, string[]>();
            string? Field(string name)
            {
                if (!document!.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    errors[name] = ["Must be text."];
                    return null;
                }

                return value.GetString()!.Trim() is { Length: > 0 } text ? text : null;
            }

            foreach (var property in document!.RootElement.EnumerateObject().Where(p => p.Name is not ("actor" or "text" or "reason")))
            {
                errors[property.Name] = [AssetFields.LooksLikeCredential(property.Name) ? AssetFields.CredentialError : "Unknown field: send 'actor' and 'text' (or 'reason')."];
            }

            // Optional: whom a machine key acts for (a signed-in person always acts as themself, see ActorOf).
            var actor = Field("actor") ?? request.Headers["X-Helpdesk-Actor"].ToString().Trim();
            var text = Field("text") ?? Field("reason");
            if (actor.Length > ActionCommands.MaxNameLength || actor.Any(char.IsControl))
            {
                errors["actor"] = [$"On whose behalf a key acts: at most {ActionCommands.MaxNameLength} characters (or the X-Helpdesk-Actor header)."];
            }

            if (required && text is null)
            {
                errors["text"] = ["What was done is required."];
            }
            else if (text is { Length: > MaxLogTextLength })
            {
                errors["text"] = [$"At most {MaxLogTextLength} characters."];
            }

            return errors.Count > 0
                ? (null, TypedResults.ValidationProblem(errors, title: "The note has invalid fields"))
                : ((actor, text), null);
        }
    }

    /// <summary>
    /// Who the change is recorded under, as for ticket actions (<see cref="TicketHandler.ActAsync"/>): the person the
    /// host authenticated, under their own name only (403 when the request names someone else); a machine key as
    /// "key NAME", or "ACTOR (key NAME)" when it says on whose behalf (<c>actor</c> or the <c>X-Helpdesk-Actor</c> header).
    /// 401 without a caller.
    /// </summary>
    private static (string? Actor, IResult? Refused) ActorOf(HttpRequest request, string? declared)
    {
        if (Callers.Of(request.HttpContext) is not { } caller)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sign in to the console, or send a technician API key."));
        }

        declared = (declared is { Length: > 0 } ? declared : request.Headers["X-Helpdesk-Actor"].ToString()).Trim();
        if (declared.Length > ActionCommands.MaxNameLength || declared.Any(char.IsControl))
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["actor"] = [$"On whose behalf a key acts: at most {ActionCommands.MaxNameLength} characters, on one line."],
            }));
        }

        if (caller.Person is { } person && declared.Length > 0
            && !declared.Equals(person.Name, StringComparison.OrdinalIgnoreCase) && !declared.Equals(person.Email, StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You act as yourself",
                detail: $"Signed in as {person.Name}: changes are recorded under your name. Remove 'actor' from the request."));
        }

        return (caller.ActorFor(declared), null);
    }

    private static ETag? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? null : new ETag(value);
    }

    private static ProblemHttpResult NotFound(string? tag) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"There is no asset '{tag}'.");

    private static ProblemHttpResult Stale(string tag) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Asset changed meanwhile",
            detail: $"Asset {tag} was changed since you read it: read it again (GET) and apply your change to the new version.");

    private static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send the ETag of the asset as you read it in the If-Match header, so that no one else's change is overwritten.");
}
