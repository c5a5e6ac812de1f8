namespace Helpdesk.Core.Sla;

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
