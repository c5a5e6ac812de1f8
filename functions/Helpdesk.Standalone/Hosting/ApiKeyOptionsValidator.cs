using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options) =>
        options.ApiKey is { Length: >= ApiKeyOptions.MinLength }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Helpdesk:ApiKey (env Helpdesk__ApiKey) must be set to a random key of at least {ApiKeyOptions.MinLength} characters: technicians' API calls present it in the {ApiKeyOptions.Header} header.");
}
