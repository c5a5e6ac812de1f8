using Azure;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Inventory;

/// <summary>Adds the asset's <c>ETag</c> header to another result, for the next <c>If-Match</c>.</summary>
public sealed class ETagResult(ETag etag, IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ETag = etag.ToString("H");
        return inner.ExecuteAsync(httpContext);
    }
}
