using System.Net;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Email;

public sealed class SmtpIntakeOptionsValidator : IValidateOptions<SmtpIntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpIntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is { } port && port is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"{SmtpIntakeOptions.Section}:Port must be between 0 (any free port) and 65535 (was {port}).");
        }

        return IPAddress.TryParse(options.Address, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{SmtpIntakeOptions.Section}:Address must be an IP address (was '{options.Address}').");
    }
}
