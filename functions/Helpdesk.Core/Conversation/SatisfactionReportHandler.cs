using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Conversation;

/// <summary><c>GET reports/satisfaction?month=YYYY-MM</c> (technicians): the ratings given that month (UTC).</summary>
public sealed class SatisfactionReportHandler(SatisfactionStore store)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["month"].ToString();
        if (text.Length != 7 || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || month.Year < 2000)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["month"] = ["Give the month as YYYY-MM, for example 2026-12."] },
                title: "Which month?");
        }

        return TypedResults.Json(await store.ReportAsync(month.Year, month.Month, ct), HelpdeskJson.Options);
    }
}
