using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Security;

public sealed class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            return ValidateOptionsResult.Fail("Helpdesk:Signing:Key is required: base64 of at least 32 random bytes (openssl rand -base64 32).");
        }

        if (options.Key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail("Helpdesk:Signing:Key is an unresolved Key Vault reference: check the secret exists and the app's access to the vault.");
        }

        var bytes = Signer.DecodeKey(options.Key);
        return bytes is { Length: >= MinimumKeyBytes }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Helpdesk:Signing:Key must be base64 of at least 32 bytes (openssl rand -base64 32).");
    }
}
