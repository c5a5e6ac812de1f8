using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Web;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// Personal sign-in keys: <c>{technician id}.{32 random bytes, base64url}</c>. The id part finds the roster entry with
/// one point read; only the SHA-256 of the whole key is stored (a key carries 256 bits of randomness, so a slow hash
/// adds nothing), and it is compared in constant time.
/// </summary>
public static class TechnicianKeys
{
    public const int MaxLength = 200;

    public static string New(string technicianId) => technicianId + "." + Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The technician id a presented key names, or null when it is not shaped like a key.</summary>
    public static string? IdOf(string? key)
    {
        if (key is null || key.Length is 0 or > MaxLength)
        {
            return null;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var id = dot > 0 ? key[..dot] : null;
        return id is { Length: 40 } && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
