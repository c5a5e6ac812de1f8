using System.Net;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Console;

/// <summary>
/// Anti-forgery for every console form post, the same in both hosts and without server-side keys: a random token in
/// a <c>SameSite=Strict</c>, <c>HttpOnly</c> cookie and the same token in a hidden field (double submit). Another site
/// can make a browser post, but can neither read the cookie nor set it, so it cannot supply the matching field; a
/// post whose <c>Origin</c> names another site is refused too. Cookies are <c>Secure</c> except on a loopback address,
/// where development runs over plain HTTP.
/// </summary>
public static class ConsoleForms
{
    public const string Cookie = "helpdesk-csrf";
    public const string Field = "csrf";
    public const int MaxFormBytes = 64 * 1024;

    /// <summary>The token of this browser (kept when it has one; a new one set otherwise).</summary>
    public static string TokenFor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var existing = http.Request.Cookies[Cookie];
        if (existing is { Length: 43 })
        {
            return existing;
        }

        if (http.Items.TryGetValue(Cookie, out var issued) && issued is string token)
        {
            return token;
        }

        token = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        http.Items[Cookie] = token;
        http.Response.Cookies.Append(Cookie, token, CookieOptions(http, SameSiteMode.Strict));
        return token;
    }

    public static bool IsValid(HttpContext http, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(form);
        // Pages send no referrer (Referrer-Policy: no-referrer), so the browser's own posts say "Origin: null"; another
        // named origin is a cross-site post.
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && (!Uri.TryCreate(origin, UriKind.Absolute, out var o)
            || !string.Equals(o.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var cookie = http.Request.Cookies[Cookie] ?? "";
        var field = form[Field].ToString();
        return cookie.Length == 43 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(field));
    }

    public static string HiddenField(HttpContext http) =>
        $"<input type=\"hidden\" name=\"{Field}\" value=\"{TokenFor(http)}\">";

    public static CookieOptions CookieOptions(HttpContext http, SameSiteMode sameSite)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = sameSite,
            Secure = http.Request.IsHttps || !IsLoopback(http),
            Path = "/" + ApiRoutes.Prefix + "/console",
        };
    }

    public static bool IsLoopback(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var host = http.Request.Host.Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
