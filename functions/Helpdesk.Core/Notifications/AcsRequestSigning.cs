using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// HMAC-SHA256 access-key authentication of Azure Communication Services requests: <c>x-ms-date</c> (RFC 1123),
/// <c>x-ms-content-sha256</c> = base64(SHA-256(body)), string to sign
/// <c>VERB\npathAndQuery\ndate;host;contentHash</c>, signature = base64(HMAC-SHA256(decoded key, string to sign)).
/// </summary>
public static class AcsRequestSigning
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string FormatDate(DateTimeOffset now) => now.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Signature(byte[] accessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string Authorization(string signature) => $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";

    /// <summary>Adds the three authentication headers to <paramref name="request"/>, whose body is <paramref name="body"/>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, byte[] accessKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no absolute URI.", nameof(request));
        var date = FormatDate(now);
        var hash = ContentHash(body);

        // Uri.Authority drops a default port, as HttpClient does in the Host header it sends.
        var stringToSign = StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, hash);
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(Signature(accessKey, stringToSign)));
    }
}
