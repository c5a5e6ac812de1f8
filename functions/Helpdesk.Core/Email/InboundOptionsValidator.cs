using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Email;

public sealed class InboundOptionsValidator : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxMessageBytes is < 64 * 1024 or > InboundOptions.MaxMessageBytesLimit)
        {
            errors.Add($"{InboundOptions.Section}:MaxMessageBytes must be between 65536 and {InboundOptions.MaxMessageBytesLimit} (was {options.MaxMessageBytes}).");
        }

        if (!string.IsNullOrWhiteSpace(options.MailgunSigningKey) && options.MailgunSigningKey.Trim().Length < 16)
        {
            errors.Add($"{InboundOptions.Section}:MailgunSigningKey must be at least 16 characters when set.");
        }

        if (options.MailgunMaxAge < TimeSpan.FromMinutes(1) || options.MailgunMaxAge > TimeSpan.FromHours(1))
        {
            errors.Add($"{InboundOptions.Section}:MailgunMaxAge must be between 00:01:00 and 01:00:00 (was {options.MailgunMaxAge}).");
        }

        if (options.ReopenWindow < TimeSpan.Zero || options.ReopenWindow > TimeSpan.FromDays(365))
        {
            errors.Add($"{InboundOptions.Section}:ReopenWindow must be between 0 and 365 days (was {options.ReopenWindow}).");
        }

        if (options.MaxAttachments is < 0 or > 100)
        {
            errors.Add($"{InboundOptions.Section}:MaxAttachments must be between 0 and 100 (was {options.MaxAttachments}).");
        }

        foreach (var alias in options.Aliases)
        {
            if (!MimeKit.MailboxAddress.TryParse(alias, out var parsed) || parsed.Address != alias.Trim())
            {
                errors.Add($"{InboundOptions.Section}:Aliases contains '{alias}', which is not a plain mail address.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
