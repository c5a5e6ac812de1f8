using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Helpdesk.Core.Maintenance;

public sealed partial class MaintenanceOptionsValidator : IValidateOptions<MaintenanceOptions>
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlanId();

    public ValidateOptionsResult Validate(string? name, MaintenanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = MaintenanceOptions.Section;
        var errors = new List<string>();
        if (options.ItContact is { } contact && !Intake.SubmissionValidator.IsEmail(contact))
        {
            errors.Add($"{s}:ItContact must be an email address (got '{contact}').");
        }

        if (!Language.IsSupported(options.Language))
        {
            errors.Add($"{s}:Language must be one of {string.Join(", ", Language.Supported)} (got '{options.Language}').");
        }

        if (options.PatchMaxAgeDays is < 1 or > 366)
        {
            errors.Add($"{s}:PatchMaxAgeDays must be between 1 and 366 (got {options.PatchMaxAgeDays}).");
        }

        if (options.BackupGraceHours is < 0 or > 168)
        {
            errors.Add($"{s}:BackupGraceHours must be between 0 and 168 (got {options.BackupGraceHours}).");
        }

        if (options.MaxTicketsPerScan is < 1 or > 5000)
        {
            errors.Add($"{s}:MaxTicketsPerScan must be between 1 and 5000 (got {options.MaxTicketsPerScan}).");
        }

        foreach (var (id, date) in options.OsEndOfSupport)
        {
            if (OsLifecycleCatalog.Shipped.Entries.All(e => !e.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{s}:OsEndOfSupport:{id} is not an entry of the lifecycle catalog ({string.Join(", ", OsLifecycleCatalog.Shipped.Entries.Select(e => e.Id))}).");
            }

            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add($"{s}:OsEndOfSupport:{id} must be a date written 2026-10-13 (got '{date}').");
            }
        }

        for (var i = 0; i < options.Plans.Count; i++)
        {
            var plan = options.Plans[i];
            var at = $"{s}:Plans:{i}";
            if (!PlanId().IsMatch(plan.Id ?? ""))
            {
                errors.Add($"{at}:Id must be 1 to 40 lower-case letters, digits or '-' (got '{plan.Id}').");
            }
            else if (options.Plans.Take(i).Any(p => p.Id == plan.Id))
            {
                errors.Add($"{at}:Id '{plan.Id}' is used by another plan.");
            }

            if (string.IsNullOrWhiteSpace(plan.Title) || plan.Title.Length > 100)
            {
                errors.Add($"{at}:Title is required (at most 100 characters).");
            }

            if (CrontabSchedule.TryParse(plan.Schedule ?? "") is null)
            {
                errors.Add($"{at}:Schedule must be a 5-field cron expression such as '0 8 * * 1' (got '{plan.Schedule}').");
            }

            if ((plan.AssetType is null) == (plan.AssetTag is null))
            {
                errors.Add($"{at}: set exactly one of AssetType and AssetTag.");
            }

            if (plan.AssetType is { } type && !WireName.TryParse<AssetType>(type, out _))
            {
                errors.Add($"{at}:AssetType must be one of {string.Join(", ", WireName.All<AssetType>())} (got '{type}').");
            }

            if (plan.AssetTag is { } tag && AssetReader.NormalizeTag(tag) is null)
            {
                errors.Add($"{at}:AssetTag '{tag}' is not a valid tag.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
