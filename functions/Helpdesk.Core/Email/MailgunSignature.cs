using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Email;

/// <summary>Mailgun's webhook signature: lowercase hex HMAC-SHA256 (key = webhook signing key) of timestamp + token.</summary>
public static class MailgunSignature
{
    public static string Compute(string signingKey, string timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token)));

    /// <summary>True when <paramref name="signature"/> is right (constant-time compare).</summary>
    public static bool IsValid(string signingKey, string timestamp, string token, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(signingKey, timestamp, token));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>True when the Unix <paramref name="timestamp"/> is within <paramref name="maxAge"/> of <paramref name="now"/> (either side).</summary>
    public static bool IsFresh(string timestamp, DateTimeOffset now, TimeSpan maxAge) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < 1L << 40
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= maxAge;
}
