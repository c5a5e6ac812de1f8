using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public sealed class SlaNotificationOptionsValidator : IValidateOptions<SlaNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaNotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (key, value) in new[] { ("Groups:L1", options.Groups.L1), ("Groups:L2", options.Groups.L2), ("Groups:L3", options.Groups.L3), ("Managers", options.Managers) })
        {
            if (!System.Net.Mail.MailAddress.TryCreate(value, out _))
            {
                errors.Add($"{SlaNotificationOptions.SectionName}:{key} '{value}' is not an email address.");
            }
        }

        if (options.Language.Trim().ToLowerInvariant() is not ("fr" or "en" or "both"))
        {
            errors.Add($"{SlaNotificationOptions.SectionName}:Language must be fr, en or both.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
