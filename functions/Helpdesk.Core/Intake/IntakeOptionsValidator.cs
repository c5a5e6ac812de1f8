using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Intake;

public sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Positive(string setting, long value)
        {
            if (value <= 0)
            {
                errors.Add($"{IntakeOptions.Section}:{setting} must be greater than 0 (got {value}).");
            }
        }

        Positive(nameof(options.MaxFormBytes), options.MaxFormBytes);
        Positive(nameof(options.MaxAttachments), options.MaxAttachments);
        Positive(nameof(options.MaxAttachmentBytes), options.MaxAttachmentBytes);
        Positive(nameof(options.MaxRequestBytes), options.MaxRequestBytes);
        Positive(nameof(options.MaxNameLength), options.MaxNameLength);
        Positive(nameof(options.MaxSubjectLength), options.MaxSubjectLength);
        Positive(nameof(options.MaxDescriptionLength), options.MaxDescriptionLength);
        if (options.MaxAttachmentBytes > options.MaxRequestBytes)
        {
            errors.Add($"{IntakeOptions.Section}:MaxAttachmentBytes ({options.MaxAttachmentBytes}) must not exceed MaxRequestBytes ({options.MaxRequestBytes}).");
        }

        var badExtensions = options.AllowedExtensions.Where(e => e.Length < 2 || e[0] != '.' || e.Any(char.IsUpper)).ToList();
        if (badExtensions.Count > 0)
        {
            errors.Add($"{IntakeOptions.Section}:AllowedExtensions must be lower-case extensions with a dot, like '.pdf' (got {string.Join(", ", badExtensions)}).");
        }

        var unknown = options.AllowedExtensions.Where(e => !badExtensions.Contains(e) && AttachmentTypes.ForExtension(e) is null).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{IntakeOptions.Section}:AllowedExtensions may only hold extensions whose content intake can check " +
                $"({string.Join(", ", AttachmentTypes.KnownExtensions.Order(StringComparer.Ordinal))}); got {string.Join(", ", unknown)}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
