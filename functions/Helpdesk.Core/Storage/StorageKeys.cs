using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Storage;

/// <summary>
/// Partition and row keys made from user text (addresses, idempotency keys): SHA-256 in lower-case hex, so that any
/// text is a valid key, of fixed length, and no personal data sits in a key.
/// </summary>
public static class StorageKeys
{
    /// <summary>The hash of <paramref name="text"/>, 64 hex characters.</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>An email address as a key: the same for every spelling of its case and surrounding spaces (40 hex characters).</summary>
    public static string Address(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Hash(email.Trim().ToLowerInvariant())[..40];
    }
}
