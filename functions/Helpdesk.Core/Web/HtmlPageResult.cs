using System.Text;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>A server-rendered page with the product's <see cref="SecurityHeaders"/> (see <see cref="HtmlPage.Result"/>).</summary>
public sealed class HtmlPageResult(string html, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "text/html; charset=utf-8";

    public string Html { get; } = html;

    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        SecurityHeaders.ApplyToPage(httpContext.Response);
        return TypedResults.Content(Html, MediaType, Encoding.UTF8, StatusCode).ExecuteAsync(httpContext);
    }
}
