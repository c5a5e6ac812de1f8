using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>
/// Server-rendered pages (the form, its confirmation, error pages) as results with the right content type and the
/// product's <see cref="SecurityHeaders"/>: every page of both hosts goes through here.
/// </summary>
public static class HtmlPage
{
    public static IResult Result(string html, int statusCode) => new HtmlPageResult(html, statusCode);

    /// <summary>A form post from a browser (it accepts HTML) gets pages; scripts get JSON.</summary>
    public static bool AcceptsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
