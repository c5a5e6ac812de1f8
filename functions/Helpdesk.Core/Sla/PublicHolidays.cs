namespace Helpdesk.Core.Sla;

// Holiday rule sets a calendar can use, by name, so configuration stays a plain string.
public static class PublicHolidays
{
    public const string Belgium = "BE";
    public const string None = "none";

    public static bool IsKnownRuleSet(string? ruleSet) => Is(ruleSet, Belgium) || Is(ruleSet, None);

    public static IReadOnlyList<DateOnly> For(string ruleSet, int year)
    {
        if (Is(ruleSet, Belgium))
        {
            return BelgianHolidays.For(year);
        }

        return Is(ruleSet, None)
            ? []
            : throw new ArgumentException($"Unknown holiday rule set '{ruleSet}'; use '{Belgium}' or '{None}'.", nameof(ruleSet));
    }

    private static bool Is(string? ruleSet, string name) => string.Equals(ruleSet, name, StringComparison.OrdinalIgnoreCase);
}

public static class BelgianHolidays
{
    // The ten legal public holidays. A holiday falling on a weekend is not moved: the replacement day is
    // chosen per company, so it belongs in ExtraClosedDays.
    public static IReadOnlyList<DateOnly> For(int year)
    {
        var easter = Easter.Sunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(1),
            new DateOnly(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            new DateOnly(year, 7, 21),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        ];
    }
}
