using Helpdesk.Standalone.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Email;

public sealed class InboundKeyOptionsValidator(IOptions<ApiKeyOptions> technicians) : IValidateOptions<InboundKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Key is null)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Key.Length < InboundKeyOptions.MinLength)
        {
            return ValidateOptionsResult.Fail($"Helpdesk:Inbound:Key (env Helpdesk__Inbound__Key) must be a random key of at least {InboundKeyOptions.MinLength} characters.");
        }

        return options.Key == technicians.Value.ApiKey
            ? ValidateOptionsResult.Fail("Helpdesk:Inbound:Key must differ from Helpdesk:ApiKey: a webhook URL that leaks must not open the technicians' API.")
            : ValidateOptionsResult.Success;
    }
}
