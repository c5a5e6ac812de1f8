using Microsoft.Extensions.Options;

namespace Helpdesk.Core;

public sealed class HelpdeskOptionsValidator : IValidateOptions<HelpdeskOptions>
{
    public ValidateOptionsResult Validate(string? name, HelpdeskOptions options)
    {
        var errors = new List<string>();
        if (!options.PublicBaseUrl.IsAbsoluteUri || options.PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add("Helpdesk:PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (!System.Net.Mail.MailAddress.TryCreate(options.SupportAddress, out _))
        {
            errors.Add($"Helpdesk:SupportAddress '{options.SupportAddress}' is not an email address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
