using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

public sealed class BusinessCalendarOptionsValidator : IValidateOptions<BusinessCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, BusinessCalendarOptions options)
    {
        const string Section = BusinessCalendarOptions.SectionName;
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{Section}:TimeZone '{options.TimeZone}' is not a known time zone; use an IANA id such as Europe/Brussels.");
        }

        var openDays = 0;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (!WorkingHours.TryParse(options.HoursOf(day), out var hours, out var error))
            {
                failures.Add($"{Section}:{day} {error}");
            }
            else if (hours is not null)
            {
                openDays++;
            }
        }

        if (openDays == 0)
        {
            failures.Add($"{Section}: every day is closed; at least one weekday needs working hours or no SLA can ever be met.");
        }

        if (!PublicHolidays.IsKnownRuleSet(options.Holidays))
        {
            failures.Add($"{Section}:Holidays '{options.Holidays}' is not a known rule set; use '{PublicHolidays.Belgium}' or '{PublicHolidays.None}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
