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
