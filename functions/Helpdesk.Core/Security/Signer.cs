using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Security;

/// <summary>
/// HMAC-SHA256 signatures under the instance's key (<see cref="SigningOptions"/>), separated by purpose so that a
/// signature issued for one use (a reply address) is never accepted for another (a status link). Signatures are
/// lowercase hex: mail systems may change the case of an address's local part, and hex survives that.
/// </summary>
public sealed class Signer
{
    private readonly byte[] key;

    public Signer(IOptions<SigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = DecodeKey(options.Value.Key) ?? throw new InvalidOperationException("Helpdesk:Signing:Key is not valid base64.");
    }

    /// <summary>The first <paramref name="bytes"/> bytes of HMAC-SHA256(key, purpose + NUL + data), as lowercase hex.</summary>
    public string Sign(string purpose, string data, int bytes = 16)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, 32);
        return Convert.ToHexStringLower(Mac(purpose, data).AsSpan(0, bytes));
    }

    /// <summary>True when <paramref name="signature"/> (any case) is the signature of the data; compared in constant time.</summary>
    public bool Verify(string purpose, string data, string? signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(data);
        if (signature is null || signature.Length is < 16 or > 64 || signature.Length % 2 != 0)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(purpose, data).AsSpan(0, given.Length));
    }

    internal static byte[]? DecodeKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Mac(string purpose, string data) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + "\0" + data));
}
