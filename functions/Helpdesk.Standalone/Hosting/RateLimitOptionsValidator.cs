using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        if (options.TicketPosts is < 1 or > 1_000_000)
        {
            errors.Add($"{RateLimitOptions.Section}:TicketPosts must be between 1 and 1000000 requests per window.");
        }

        if (options.FormGets is < 1 or > 1_000_000)
        {
            errors.Add($"{RateLimitOptions.Section}:FormGets must be between 1 and 1000000 requests per window.");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromHours(1))
        {
            errors.Add($"{RateLimitOptions.Section}:Window must be between 00:00:01 and 01:00:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
