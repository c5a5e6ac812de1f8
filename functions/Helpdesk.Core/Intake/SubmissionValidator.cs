using System.Text;
using System.Text.RegularExpressions;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using MimeKit;

namespace Helpdesk.Core.Intake;

/// <summary>Field-level validation of a submission. Messages are in the requester's language.</summary>
public sealed partial class SubmissionValidator(IntakeOptions options)
{
    public const int MaxEmailLength = 254;
    public const int MaxLocalPartLength = 64;
    public const int MaxDomainLength = 255;
    public const int MaxPhoneLength = 40;

    /// <summary>
    /// The parser that sends the mail (MimeKit), at its strictest: an address it accepts here is one the acknowledgment
    /// can be sent to. No address without a domain, RFC rules for dots (no <c>a.@x.be</c>, no <c>a..b@x.be</c>).
    /// </summary>
    private static readonly ParserOptions StrictAddresses = CreateAddressOptions();

    public ValidationOutcome Validate(TicketSubmission s, string lang)
    {
        ArgumentNullException.ThrowIfNull(s);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var name = Required(errors, "name", s.Name, options.MaxNameLength, lang, singleLine: true);
        var email = Required(errors, "email", s.Email, MaxEmailLength, lang, singleLine: false);
        // Checked as sent: cleaning would drop a control character and let the rest pass.
        if (email is not null && !IsEmail(s.Email!.Trim()))
        {
            errors["email"] = Texts.Get(lang, "error.email");
        }

        var phone = Optional(errors, "phone", s.Phone, MaxPhoneLength, lang);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["phone"] = Texts.Get(lang, "error.phone");
        }

        var subject = Required(errors, "subject", s.Subject, options.MaxSubjectLength, lang, singleLine: true);
        var description = Required(errors, "description", s.Description, options.MaxDescriptionLength, lang, singleLine: false);
        var category = Choice<Category>(errors, "category", s.Category, lang);
        var impact = Choice<Impact>(errors, "impact", s.Impact, lang);
        var canWork = Choice<CanWork>(errors, "canWork", s.CanWork, lang);

        var language = string.IsNullOrWhiteSpace(s.Lang) ? lang : s.Lang.Trim().ToLowerInvariant();
        if (!Language.Supported.Contains(language))
        {
            errors["lang"] = Texts.Get(lang, "error.choice");
        }

        var assetTag = string.IsNullOrWhiteSpace(s.AssetTag) ? null : s.AssetTag.Trim().ToUpperInvariant();
        if (assetTag is not null && !AssetTagPattern().IsMatch(assetTag))
        {
            errors["assetTag"] = Texts.Get(lang, "error.assetTag");
        }

        if (errors.Count > 0)
        {
            return new ValidationOutcome(null, errors);
        }

        var requester = new Requester(name!, email!.ToLowerInvariant(), phone, Language.Normalize(language));
        return new ValidationOutcome(
            new ValidSubmission(requester, subject!, description!, category!.Value, impact!.Value, canWork!.Value, assetTag),
            errors);
    }

    /// <summary>
    /// An address the mail parser accepts as it stands (no display name, nothing dropped or added), without invisible
    /// or control characters, within RFC 5321 lengths (local part ≤ 64, domain ≤ 255, whole ≤ 254 octets), with a
    /// domain of at least two labels of letters, digits and inner hyphens.
    /// </summary>
    internal static bool IsEmail(string value)
    {
        if (value.Any(char.IsWhiteSpace) || InvisibleCharacters.Any(value))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(StrictAddresses, value, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Address != value)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength || Encoding.UTF8.GetByteCount(domain) > MaxDomainLength
            || Encoding.UTF8.GetByteCount(value) > MaxEmailLength)
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsLetterOrDigit(c) || c == '-'));
    }

    private static ParserOptions CreateAddressOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.AllowAddressesWithoutDomain = false;
        options.AddressParserComplianceMode = RfcComplianceMode.Strict;
        return options;
    }

    private static string? Required(Dictionary<string, string> errors, string field, string? value, int max, string lang, bool singleLine)
    {
        if (singleLine && value is not null && InvisibleCharacters.Any(value.Trim()))
        {
            errors[field] = Texts.Get(lang, "error.characters");
            return null;
        }

        var text = Clean(value);
        if (text is null)
        {
            errors[field] = Texts.Get(lang, "error.required");
            return null;
        }

        return CheckLength(errors, field, text, max, lang);
    }

    private static string? Optional(Dictionary<string, string> errors, string field, string? value, int max, string lang)
    {
        var text = Clean(value);
        return text is null ? null : CheckLength(errors, field, text, max, lang);
    }

    private static string? CheckLength(Dictionary<string, string> errors, string field, string text, int max, string lang)
    {
        if (text.Length > max)
        {
            errors[field] = Texts.Format(lang, "error.tooLong", max);
            return null;
        }

        return text;
    }

    /// <summary>
    /// Exactly one of the wire names (case aside, surrounding spaces trimmed): never a list such as
    /// <c>hardware,software</c>, which enum parsing would read as flags.
    /// </summary>
    private static T? Choice<T>(Dictionary<string, string> errors, string field, string? value, string lang) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = Texts.Get(lang, "error.required");
            return null;
        }

        var text = value.Trim();
        if (!text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiLetterUpper(c) || c == '-') || !WireName.TryParse<T>(text, out var parsed))
        {
            errors[field] = Texts.Get(lang, "error.choice");
            return null;
        }

        return parsed;
    }

    /// <summary>Trims, normalizes line endings and drops control characters other than newline and tab.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]);
    }

    [GeneratedRegex(@"^\+?[0-9 ().\-/]{6,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_\-]{0,39}$")]
    private static partial Regex AssetTagPattern();
}
