using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

public sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        var errors = new List<string>();
        if (options.MinRequestBodyDataRate is < 1 or > 100_000_000)
        {
            errors.Add($"{RequestLimitsOptions.Section}:MinRequestBodyDataRate must be between 1 and 100000000 bytes per second.");
        }

        if (options.MinRequestBodyDataRateGracePeriod <= TimeSpan.FromSeconds(1) || options.MinRequestBodyDataRateGracePeriod > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{RequestLimitsOptions.Section}:MinRequestBodyDataRateGracePeriod must be more than 00:00:01 and at most 00:05:00.");
        }

        if (options.RequestBodyTimeout < TimeSpan.FromSeconds(1) || options.RequestBodyTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{RequestLimitsOptions.Section}:RequestBodyTimeout must be between 00:00:01 and 01:00:00.");
        }

        if (options.RequestBodyIdleTimeout < TimeSpan.FromSeconds(1) || options.RequestBodyIdleTimeout > options.RequestBodyTimeout)
        {
            errors.Add($"{RequestLimitsOptions.Section}:RequestBodyIdleTimeout must be at least 00:00:01 and at most RequestBodyTimeout.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
