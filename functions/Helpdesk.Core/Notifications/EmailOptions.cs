using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Which adapter sends outbound mail (section <c>Helpdesk:Email</c>): <c>Smtp</c> (default, settings in
/// <c>Helpdesk:Smtp</c>) or <c>Acs</c> (Azure Communication Services Email REST API, settings in <c>Helpdesk:Email:Acs</c>).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Helpdesk:Email";
    public const string SmtpProvider = "Smtp";
    public const string AcsProvider = "Acs";

    /// <summary><c>Smtp</c> (also when empty) or <c>Acs</c>, case-insensitive.</summary>
    public string? Provider { get; set; } = SmtpProvider;

    public AcsEmailOptions Acs { get; set; } = new();

    public bool UsesAcs => EffectiveProvider.Equals(AcsProvider, StringComparison.OrdinalIgnoreCase);

    internal string EffectiveProvider => string.IsNullOrWhiteSpace(Provider) ? SmtpProvider : Provider.Trim();
}

public sealed class AcsEmailOptions
{
    /// <summary><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>; from Key Vault on Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Address of a verified ACS sender domain, e.g. <c>DoNotReply@&lt;guid&gt;.azurecomm.net</c>. Replies go to the support address.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Longest wait for the send operation to reach a final state; past it the send counts as transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Poll interval when ACS gives no <c>Retry-After</c>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

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

public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var provider = options.EffectiveProvider;
        if (!provider.Equals(EmailOptions.SmtpProvider, StringComparison.OrdinalIgnoreCase)
            && !provider.Equals(EmailOptions.AcsProvider, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{EmailOptions.Section}:Provider must be Smtp or Acs (was '{options.Provider}').");
        }

        if (options.UsesAcs)
        {
            if (!AcsConnectionString.TryParse(options.Acs.ConnectionString, out _, out var error))
            {
                errors.Add($"{EmailOptions.Section}:Acs:ConnectionString {error}.");
            }

            if (!System.Net.Mail.MailAddress.TryCreate(options.Acs.SenderAddress, out _))
            {
                errors.Add($"{EmailOptions.Section}:Acs:SenderAddress '{options.Acs.SenderAddress}' is not an email address (use the MailFrom address of a verified ACS domain).");
            }

            if (options.Acs.Timeout <= TimeSpan.Zero || options.Acs.PollInterval <= TimeSpan.Zero)
            {
                errors.Add($"{EmailOptions.Section}:Acs:Timeout and PollInterval must be greater than zero.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
