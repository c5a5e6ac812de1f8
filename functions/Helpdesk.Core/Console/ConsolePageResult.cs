using System.Text;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Console;

/// <summary>
/// A console page: the product's page headers (<see cref="Web.SecurityHeaders"/>) with one change to the policy, a
/// per-response script nonce for the countdown script, the only script the console runs. Pages are never cached:
/// they show tickets.
/// </summary>
public sealed class ConsolePageResult(string html, int statusCode, string nonce) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public string Html { get; } = html;

    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => Web.HtmlPageResult.MediaType;

    public static string Policy(string nonce) =>
        $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        Web.SecurityHeaders.ApplyToPage(httpContext.Response);
        httpContext.Response.Headers.ContentSecurityPolicy = Policy(nonce);
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Html, ContentType, Encoding.UTF8, StatusCode).ExecuteAsync(httpContext);
    }
}
