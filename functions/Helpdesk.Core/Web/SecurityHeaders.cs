using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>
/// Response headers that every page of the product carries, in both hosts (the form, its confirmation, error pages).
/// The pages are server-rendered HTML with one inline <c>&lt;style&gt;</c> block, no script, no image, no frame, and a
/// form that posts to the same origin: the policy allows exactly that.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>For an HTML page: no sniffing, no framing, the policy above, no referrer sent from our pages.</summary>
    public static void ApplyToPage(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>For any other answer (JSON, problem+json): the declared content type is the only one a browser may use.</summary>
    public static void ApplyNoSniff(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>
    /// <see cref="ApplyNoSniff"/> on whatever this response turns out to be, when it starts: a host's edge calls it
    /// once per request, so that answers written anywhere (routes, status pages, the rate limiter) carry it.
    /// </summary>
    public static void ApplyNoSniffWhenStarting(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.OnStarting(static state =>
        {
            ApplyNoSniff((HttpResponse)state);
            return Task.CompletedTask;
        }, response);
    }
}
