using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Maintenance;

/// <summary><c>GET maintenance/runs?pageSize=</c> (1–100, default 20): the newest scans first, with what each did.</summary>
public sealed class MaintenanceHandler(MaintenanceRunStore runs)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<IResult> RunsAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = DefaultPageSize;
        if (request.Query.TryGetValue("pageSize", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."] });
        }

        var latest = await runs.LatestAsync(pageSize, null, ct);
        return TypedResults.Json(new { schedule = MaintenanceSchedules.Scan, runs = latest }, HelpdeskJson.Options);
    }
}
