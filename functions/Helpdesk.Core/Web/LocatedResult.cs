using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>Adds a <c>Location</c> header to another result (201 for a new ticket, 200 for a replay).</summary>
public sealed class LocatedResult(string location, IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Location = location;
        return inner.ExecuteAsync(httpContext);
    }
}
