using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// The person App Service authentication (Easy Auth) signed in, from its <c>X-MS-CLIENT-PRINCIPAL</c> header (base64
/// JSON: <c>auth_typ</c>, <c>claims</c> [{<c>typ</c>, <c>val</c>}]). The address is what the roster is keyed by.
/// </summary>
public static class ClientPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const int MaxHeaderLength = 16 * 1024;

    private static readonly string[] EmailClaims =
    [
        "preferred_username",
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "upn",
    ];

    /// <summary>The signed-in address, or null when there is no header or it cannot be read (treated as not signed in).</summary>
    public static string? EmailOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[Header].ToString();
        if (header.Length is 0 or > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            if (!doc.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var values = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out _) && c.TryGetProperty("val", out _))
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()))
                .ToList();
            return EmailClaims.Select(type => values.FirstOrDefault(c => c.Type == type).Value)
                .FirstOrDefault(v => v is not null && System.Net.Mail.MailAddress.TryCreate(v, out _));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return null;
        }
    }
}
