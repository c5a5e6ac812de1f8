using System.Text;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>Server-rendered pages (the form, its confirmation) as results with the right content type.</summary>
public static class HtmlPage
{
    public static IResult Result(string html, int statusCode) =>
        TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);

    /// <summary>A form post from a browser (it accepts HTML) gets pages; scripts get JSON.</summary>
    public static bool AcceptsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
