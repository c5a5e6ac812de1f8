using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var provider = options.EffectiveProvider;
        if (!provider.Equals(EmailOptions.SmtpProvider, StringComparison.OrdinalIgnoreCase)
            && !provider.Equals(EmailOptions.AcsProvider, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{EmailOptions.Section}:Provider must be Smtp or Acs (was '{options.Provider}').");
        }

        if (options.UsesAcs)
        {
            if (options.Acs.UsesAccessKey)
            {
                if (!AcsConnectionString.TryParse(options.Acs.ConnectionString, out _, out var error))
                {
                    errors.Add($"{EmailOptions.Section}:Acs:ConnectionString {error}.");
                }
            }
            else if (!options.Acs.UsesManagedIdentity)
            {
                errors.Add($"{EmailOptions.Section}:Acs:Authentication must be {AcsEmailOptions.ManagedIdentityAuthentication} or {AcsEmailOptions.AccessKeyAuthentication} (was '{options.Acs.Authentication}').");
            }
            else if (AcsEmailOptions.NormalizeEndpoint(options.Acs.Endpoint) is null)
            {
                errors.Add($"{EmailOptions.Section}:Acs:Endpoint must be the resource's https://<resource>.communication.azure.com/ address to send with the managed identity (was '{options.Acs.Endpoint}'); or set Authentication to {AcsEmailOptions.AccessKeyAuthentication} with a ConnectionString.");
            }

            if (!System.Net.Mail.MailAddress.TryCreate(options.Acs.SenderAddress, out _))
            {
                errors.Add($"{EmailOptions.Section}:Acs:SenderAddress '{options.Acs.SenderAddress}' is not an email address (use the MailFrom address of a verified ACS domain).");
            }

            if (options.Acs.Timeout <= TimeSpan.Zero || options.Acs.PollInterval <= TimeSpan.Zero)
            {
                errors.Add($"{EmailOptions.Section}:Acs:Timeout and PollInterval must be greater than zero.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
