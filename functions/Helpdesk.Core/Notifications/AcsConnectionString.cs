
namespace Helpdesk.Core.Notifications;

/// <summary>A parsed ACS connection string: <c>endpoint=...;accesskey=...</c> (keys case-insensitive, any order).</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static bool TryParse(string? value, out AcsConnectionString? result, out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "is empty";
            return false;
        }

        if (value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            error = "is an unresolved Key Vault reference: check the app's access to the vault (Key Vault Secrets User) and the secret name";
            return false;
        }

        string? endpoint = null, key = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = part[(eq + 1)..].Trim();
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                // Base64 keys end with '=': keep everything after the first '='.
                key = part[(eq + 1)..].Trim();
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            error = "needs endpoint=https://<resource>.communication.azure.com/ (http only for a loopback test endpoint)";
            return false;
        }

        var buffer = new byte[key?.Length ?? 0];
        if (key is null || !Convert.TryFromBase64String(key, buffer, out var length) || length == 0)
        {
            error = "needs accesskey=<base64 key> (the resource's primary or secondary key)";
            return false;
        }

        // Requests are signed over pathAndQuery: keep the endpoint as a base ending in '/'.
        var baseUri = new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        result = new AcsConnectionString(baseUri, buffer[..length]);
        error = null;
        return true;
    }

    public static AcsConnectionString Parse(string? value) =>
        TryParse(value, out var result, out var error)
            ? result!
            : throw new FormatException($"{EmailOptions.Section}:Acs:ConnectionString {error}.");

    // The key must not end up in logs through the record's generated ToString.
    public override string ToString() => $"endpoint={Endpoint};accesskey=***";
}
