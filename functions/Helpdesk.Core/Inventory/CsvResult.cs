using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Inventory;

/// <summary>A CSV download written as it is read from storage (no whole-file buffer), named <c>assets.csv</c>.</summary>
public sealed class CsvResult(Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"assets.csv\"";
        httpContext.Response.Headers.CacheControl = "no-store";
        await write(httpContext.Response.Body, httpContext.RequestAborted);
    }
}
