using System.Net.Mail;
using System.Text.RegularExpressions;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>Field-level validation of a submission. Messages are in the requester's language.</summary>
public sealed partial class SubmissionValidator(IntakeOptions options)
{
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 40;

    public ValidationOutcome Validate(TicketSubmission s, string lang)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var name = Required(errors, "name", s.Name, options.MaxNameLength, lang);
        var email = Required(errors, "email", s.Email, MaxEmailLength, lang);
        if (email is not null && !IsEmail(email))
        {
            errors["email"] = Texts.Get(lang, "error.email");
        }

        var phone = Optional(errors, "phone", s.Phone, MaxPhoneLength, lang);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors["phone"] = Texts.Get(lang, "error.phone");
        }

        var subject = Required(errors, "subject", s.Subject, options.MaxSubjectLength, lang);
        var description = Required(errors, "description", s.Description, options.MaxDescriptionLength, lang);
        var category = Choice<Category>(errors, "category", s.Category, lang);
        var impact = Choice<Impact>(errors, "impact", s.Impact, lang);
        var canWork = Choice<CanWork>(errors, "canWork", s.CanWork, lang);

        var assetTag = string.IsNullOrWhiteSpace(s.AssetTag) ? null : s.AssetTag.Trim().ToUpperInvariant();
        if (assetTag is not null && !AssetTagPattern().IsMatch(assetTag))
        {
            errors["assetTag"] = Texts.Get(lang, "error.assetTag");
        }

        if (errors.Count > 0)
        {
            return new ValidationOutcome(null, errors);
        }

        var requester = new Requester(name!, email!.ToLowerInvariant(), phone, Language.Normalize(s.Lang ?? lang));
        return new ValidationOutcome(
            new ValidSubmission(requester, subject!, description!, category!.Value, impact!.Value, canWork!.Value, assetTag),
            errors);
    }

    private static string? Required(Dictionary<string, string> errors, string field, string? value, int max, string lang)
    {
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

    private static T? Choice<T>(Dictionary<string, string> errors, string field, string? value, string lang) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = Texts.Get(lang, "error.required");
            return null;
        }

        if (!WireName.TryParse<T>(value, out var parsed))
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

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && !value.Any(char.IsWhiteSpace);

    [GeneratedRegex(@"^\+?[0-9 ().\-/]{6,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_\-]{0,39}$")]
    private static partial Regex AssetTagPattern();
}
