using System.Text.RegularExpressions;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

public sealed partial class ProviderDirectoryOptionsValidator : IValidateOptions<ProviderDirectoryOptions>
{
    public static readonly IReadOnlyList<string> Kinds = ["it", "internet", "phone", "business-software", "hardware", "other"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public ValidateOptionsResult Validate(string? name, ProviderDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MailLanguage is not ("fr" or "en"))
        {
            errors.Add($"{ProviderDirectoryOptions.Section}:MailLanguage must be fr or en (got '{options.MailLanguage}').");
        }

        if (options.EmergencyLinesCache < TimeSpan.Zero || options.EmergencyLinesCache > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{ProviderDirectoryOptions.Section}:EmergencyLinesCache must be between 00:00:00 and 00:10:00 (got {options.EmergencyLinesCache}).");
        }

        if (options.CompanyName is { } company && (company.Trim().Length is 0 or > 100 || company.Any(char.IsControl)))
        {
            errors.Add($"{ProviderDirectoryOptions.Section}:CompanyName must be 1 to 100 characters on one line.");
        }

        for (var i = 0; i < options.Directory.Count; i++)
        {
            var p = options.Directory[i];
            var at = $"{ProviderDirectoryOptions.Section}:Directory:{i}";
            if (!IdPattern().IsMatch(p.Id ?? ""))
            {
                errors.Add($"{at}:Id must be 1 to 40 lower-case letters, digits or '-' (got '{p.Id}').");
            }
            else if (options.Directory.Take(i).Any(o => o.Id == p.Id))
            {
                errors.Add($"{at}:Id '{p.Id}' is used by another provider.");
            }

            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 100)
            {
                errors.Add($"{at}:Name is required (at most 100 characters).");
            }

            if (!Kinds.Contains(p.Kind))
            {
                errors.Add($"{at}:Kind must be one of {string.Join(", ", Kinds)} (got '{p.Kind}').");
            }

            if (p.SupportEmail is { } email && !Intake.SubmissionValidator.IsEmail(email))
            {
                errors.Add($"{at}:SupportEmail must be an email address (got '{email}').");
            }

            if (p.SupportPhone is { } phone && !ProviderReader.IsPhone(phone))
            {
                errors.Add($"{at}:SupportPhone must be a phone number: digits, spaces and + ( ) . / - only (got '{phone}').");
            }

            if (p.SupportUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var site) && site.Scheme is "https" or "http"))
            {
                errors.Add($"{at}:SupportUrl must be the full address of the support site, starting with https:// (got '{url}').");
            }

            if (p.SupportPhone is null && p.SupportEmail is null && p.SupportUrl is null)
            {
                errors.Add($"{at}: give at least one of SupportPhone, SupportEmail, SupportUrl (whom to call needs a way to call).");
            }

            foreach (var category in p.Categories.Where(c => !WireName.TryParse<Category>(c, out _)))
            {
                errors.Add($"{at}:Categories: '{category}' is not one of {string.Join(", ", WireName.All<Category>())}.");
            }

            foreach (var type in p.AssetTypes.Where(t => !WireName.TryParse<AssetType>(t, out _)))
            {
                errors.Add($"{at}:AssetTypes: '{type}' is not one of {string.Join(", ", WireName.All<AssetType>())}.");
            }

            foreach (var tag in p.Assets.Where(t => AssetReader.NormalizeTag(t) is null))
            {
                errors.Add($"{at}:Assets: '{tag}' is not a valid asset tag.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
