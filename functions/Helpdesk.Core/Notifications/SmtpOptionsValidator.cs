using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add("Helpdesk:Smtp:Host is required.");
        }

        if (o.Port is < 1 or > 65535)
        {
            errors.Add("Helpdesk:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out _) && !o.Security.Equals("Auto", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Helpdesk:Smtp:Security must be Auto, StartTls, SslOnConnect or None.");
        }

        if (o.Password?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            errors.Add("Helpdesk:Smtp:Password is an unresolved Key Vault reference: check the app's access to the vault.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
