using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Technicians;

public sealed class TechniciansOptionsValidator : IValidateOptions<TechniciansOptions>
{
    public ValidateOptionsResult Validate(string? name, TechniciansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(7))
        {
            errors.Add("Helpdesk:Technicians:SessionLifetime must be between 00:05:00 and 7.00:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(options.FirstAdminEmail) && !System.Net.Mail.MailAddress.TryCreate(options.FirstAdminEmail, out _))
        {
            errors.Add("Helpdesk:Technicians:FirstAdminEmail must be an email address.");
        }

        if (options.FirstAdminName.Trim().Length is 0 or > Technician.MaxNameLength)
        {
            errors.Add($"Helpdesk:Technicians:FirstAdminName must be 1 to {Technician.MaxNameLength} characters.");
        }

        if (options.SignInAttemptsPerMinute is < 1 or > 1000)
        {
            errors.Add("Helpdesk:Technicians:SignInAttemptsPerMinute must be between 1 and 1000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
