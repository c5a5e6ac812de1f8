using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// <c>POST assets/{tag}/backup</c> and <c>/patch</c>: a backup or update tool reports a success, so that stale backups
/// and patches are found from facts. Authenticated by its own key (<see cref="InventoryOptions.HeartbeatKey"/> in the
/// <c>x-heartbeat-key</c> header, compared in constant time), not the technicians' key: a tool on a client machine
/// should be able to say "backup done" and nothing else. The time is the server's (optionally <c>{"at": ...}</c>,
/// not in the future, never moving the date backwards). Idempotent: repeating a heartbeat changes nothing more.
/// </summary>
public sealed class HeartbeatHandler(AssetStore store, TimeProvider time, IOptions<InventoryOptions> options, ILogger<HeartbeatHandler> logger)
{
    public const string Backup = "backup";
    public const string Patch = "patch";
    private const int MaxAttempts = 3;

    public async Task<IResult> RecordAsync(HttpRequest request, string tag, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Authorized(request))
        {
            InventoryLog.HeartbeatRefused(logger, kind, tag.Length > 40 ? tag[..40] : tag);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Heartbeat key required",
                detail: $"Send the heartbeat key in the {InventoryRoutes.HeartbeatKeyHeader} header.");
        }

        if (AssetReader.NormalizeTag(tag) is not { } normalized)
        {
            return NotFound(tag);
        }

        var now = time.GetUtcNow();
        var at = now;
        var (document, problem) = await AssetJson.ReadObjectAsync(request, allowEmpty: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            foreach (var property in document!.RootElement.EnumerateObject())
            {
                if (property.Name != "at" || property.Value.ValueKind != System.Text.Json.JsonValueKind.String
                    || !DateTimeOffset.TryParse(property.Value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out at)
                    || at > now.AddMinutes(5) || at < now.AddDays(-366))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        [property.Name] = ["A heartbeat body is empty or {\"at\": \"2027-03-31T22:05:00Z\"} (ISO 8601, within the last year, not in the future)."],
                    });
                }
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(normalized, ct);
            if (current is null)
            {
                return NotFound(normalized);
            }

            var asset = current.Asset;
            var previous = kind == Backup ? asset.LastBackupAt : asset.LastPatchAt;
            if (previous >= at)
            {
                return Answer(asset);
            }

            var updated = kind == Backup ? asset with { LastBackupAt = at.ToUniversalTime() } : asset with { LastPatchAt = at.ToUniversalTime() };
            if (await store.ReplaceAsync(updated with { UpdatedAt = now }, current.ETag, ct) is not null)
            {
                InventoryLog.HeartbeatRecorded(logger, kind, normalized, at);
                return Answer(updated);
            }

            if (attempt == MaxAttempts)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concurrent update",
                    detail: $"Asset {normalized} kept changing while recording the heartbeat: send it again.");
            }
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var expected = InventoryOptions.EffectiveHeartbeatKey(options.Value.HeartbeatKey);
        var presented = request.Headers[InventoryRoutes.HeartbeatKeyHeader].ToString();
        return !string.IsNullOrEmpty(expected) && presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<Asset> Answer(Asset asset) => TypedResults.Json(asset, HelpdeskJson.Options);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string tag) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: $"There is no asset '{tag}'.");
}
