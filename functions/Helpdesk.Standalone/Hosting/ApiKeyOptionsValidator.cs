using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ApiKey is not { Length: >= ApiKeyOptions.MinLength })
        {
            return ValidateOptionsResult.Fail(
                $"Helpdesk:ApiKey (env Helpdesk__ApiKey) must be set to a random key of at least {ApiKeyOptions.MinLength} characters: technicians' API calls present it in the {ApiKeyOptions.Header} header.");
        }

        foreach (var (keyName, key) in options.ApiKeys)
        {
            if (keyName.Length is 0 or > 40 || !keyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                || keyName.Equals(ApiKeyOptions.DefaultKeyName, StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail(
                    $"Helpdesk:ApiKeys:{keyName}: a key name is 1 to 40 letters, digits, - or _, and not '{ApiKeyOptions.DefaultKeyName}' (that is Helpdesk:ApiKey).");
            }

            if (key is not { Length: >= ApiKeyOptions.MinLength })
            {
                return ValidateOptionsResult.Fail($"Helpdesk:ApiKeys:{keyName} must be a random key of at least {ApiKeyOptions.MinLength} characters.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
