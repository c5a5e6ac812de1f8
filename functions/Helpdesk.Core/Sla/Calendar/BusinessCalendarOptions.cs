namespace Helpdesk.Core.Sla;

// Days are strings ("08:30-17:30" or "closed") so one configuration key can open or close a day.
public sealed class BusinessCalendarOptions
{
    public const string SectionName = "Helpdesk:Sla:Calendar";
    public const string DefaultWorkingDay = "08:30-17:30";

    public string TimeZone { get; set; } = "Europe/Brussels";

    public string Monday { get; set; } = DefaultWorkingDay;

    public string Tuesday { get; set; } = DefaultWorkingDay;

    public string Wednesday { get; set; } = DefaultWorkingDay;

    public string Thursday { get; set; } = DefaultWorkingDay;

    public string Friday { get; set; } = DefaultWorkingDay;

    public string Saturday { get; set; } = WorkingHours.Closed;

    public string Sunday { get; set; } = WorkingHours.Closed;

    // A PublicHolidays rule set: "BE" or "none".
    public string Holidays { get; set; } = PublicHolidays.Belgium;

    public List<DateOnly> ExtraClosedDays { get; set; } = [];

    public string HoursOf(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    };
}
