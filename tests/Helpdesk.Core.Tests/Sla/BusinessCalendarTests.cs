using Helpdesk.Core.Sla;

namespace Helpdesk.Core.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Default = BusinessCalendar.FromOptions(new BusinessCalendarOptions());

    [Fact]
    public void FridayFivePm_PlusTwoHours_DueMondayTen()
    {
        // Half an hour left on Friday (closes 17:30), the other 1h30 from Monday 08:30.
        var due = Default.AddBusinessTime(Brussels.At(2027, 3, 5, 17), TimeSpan.FromHours(2));

        Assert.Equal(Brussels.Utc(2027, 3, 8, 9), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void FridayHalfPastFour_PlusTwoHours_DueMondayHalfPastNine()
    {
        var due = Default.AddBusinessTime(Brussels.At(2027, 3, 5, 16, 30), TimeSpan.FromHours(2));

        Assert.Equal(Brussels.At(2027, 3, 8, 9, 30), due);
    }

    [Fact]
    public void DurationEndingAtClosing_ReturnsClosingTimeNotNextOpening()
    {
        var due = Default.AddBusinessTime(Brussels.At(2027, 3, 5, 16, 30), TimeSpan.FromHours(1));

        Assert.Equal(Brussels.At(2027, 3, 5, 17, 30), due);
    }

    [Fact]
    public void StartOnSaturday_CountsFromMondayOpening()
    {
        var due = Default.AddBusinessTime(Brussels.At(2027, 3, 6, 11), TimeSpan.FromMinutes(30));

        Assert.Equal(Brussels.At(2027, 3, 8, 9), due);
        Assert.Equal(Brussels.At(2027, 3, 8, 8, 30), Default.NextWorkingInstant(Brussels.At(2027, 3, 6, 11)));
    }

    [Fact]
    public void OpeningAndClosingBounds_OpeningIncludedClosingExcluded()
    {
        Assert.True(Default.IsWorkingTime(Brussels.At(2027, 3, 8, 8, 30)));
        Assert.False(Default.IsWorkingTime(Brussels.At(2027, 3, 8, 8, 29)));
        Assert.False(Default.IsWorkingTime(Brussels.At(2027, 3, 8, 17, 30)));
        Assert.False(Default.IsWorkingTime(Brussels.At(2027, 3, 6, 10)));
    }

    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_MatchesPublishedDates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));
    }

    [Fact]
    public void BelgianHolidays2027_AreTheTenLegalDays()
    {
        DateOnly[] expected =
        [
            new(2027, 1, 1), new(2027, 3, 29), new(2027, 5, 1), new(2027, 5, 6), new(2027, 5, 17),
            new(2027, 7, 21), new(2027, 8, 15), new(2027, 11, 1), new(2027, 11, 11), new(2027, 12, 25),
        ];

        Assert.Equal(expected, BelgianHolidays.For(2027));
    }

    [Fact]
    public void EasterWeekend2027_SkipsEasterMondayAndCrossesDst()
    {
        // Friday 26 March (CET) + 2h: 30 min on Friday, Monday 29 is Easter Monday, 1h30 on Tuesday (CEST).
        var due = Default.AddBusinessTime(Brussels.At(2027, 3, 26, 17), TimeSpan.FromHours(2));

        Assert.Equal(Brussels.Utc(2027, 3, 30, 8), due);
        Assert.False(Default.IsWorkingTime(Brussels.At(2027, 3, 29, 10)));
    }

    [Fact]
    public void NationalDay_IsClosedDayBeforeIsOpen()
    {
        Assert.False(Default.IsWorkingTime(Brussels.At(2027, 7, 21, 10)));
        Assert.True(Default.IsWorkingTime(Brussels.At(2027, 7, 20, 10)));
        Assert.Equal(Brussels.At(2027, 7, 22, 8, 30), Default.NextWorkingInstant(Brussels.At(2027, 7, 20, 17, 45)));
    }

    [Fact]
    public void ChristmasOnSaturday_IsNotMovedUnlessConfigured()
    {
        var from = Brussels.At(2027, 12, 24, 17);
        var to = Brussels.At(2027, 12, 27, 9, 30);

        Assert.Equal(TimeSpan.FromMinutes(90), Default.BusinessTimeBetween(from, to));

        var withBridgeDay = BusinessCalendar.FromOptions(new BusinessCalendarOptions { ExtraClosedDays = [new DateOnly(2027, 12, 27)] });
        Assert.Equal(TimeSpan.FromMinutes(30), withBridgeDay.BusinessTimeBetween(from, to));
        Assert.Equal(Brussels.At(2027, 12, 28, 8, 30), withBridgeDay.NextWorkingInstant(from.AddHours(1)));
    }

    [Fact]
    public void HolidaysNone_EasterMondayIsWorkingDay()
    {
        var calendar = BusinessCalendar.FromOptions(new BusinessCalendarOptions { Holidays = PublicHolidays.None });

        Assert.True(calendar.IsWorkingTime(Brussels.At(2027, 3, 29, 10)));
    }

    [Fact]
    public void WeekendWithMarchDstChange_CountsWallClockHours()
    {
        // 27 March 2026 (CET, UTC+1) to 30 March 2026 (CEST, UTC+2): one working hour on each side.
        var from = Brussels.At(2026, 3, 27, 16, 30);
        var to = Brussels.At(2026, 3, 30, 9, 30);

        Assert.Equal(Brussels.Utc(2026, 3, 27, 15, 30), from.ToUniversalTime());
        Assert.Equal(Brussels.Utc(2026, 3, 30, 7, 30), to.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(2), Default.BusinessTimeBetween(from, to));
        Assert.Equal(Brussels.Utc(2026, 3, 30, 7, 30), Default.AddBusinessTime(from, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void WeekendWithOctoberDstChange_CountsWallClockHours()
    {
        // 23 October 2026 (CEST, UTC+2) to 26 October 2026 (CET, UTC+1).
        var from = Brussels.At(2026, 10, 23, 16, 30);

        Assert.Equal(Brussels.Utc(2026, 10, 26, 8, 30), Default.AddBusinessTime(from, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void OpenOnDstSundays_WorkingDayShrinksInMarchAndGrowsInOctober()
    {
        // 01:00-04:00 local spans the switch: 2 real hours on 29 March 2026, 4 real hours on 25 October 2026.
        var calendar = BusinessCalendar.FromOptions(new BusinessCalendarOptions { Sunday = "01:00-04:00" });

        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(Brussels.Utc(2026, 3, 28, 12), Brussels.Utc(2026, 3, 29, 12)));
        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessTimeBetween(Brussels.Utc(2026, 10, 24, 12), Brussels.Utc(2026, 10, 25, 12)));
        Assert.Equal(Brussels.Utc(2026, 10, 24, 23), calendar.NextWorkingInstant(Brussels.Utc(2026, 10, 24, 12)));
        Assert.Equal(Brussels.Utc(2026, 10, 25, 2), calendar.AddBusinessTime(Brussels.Utc(2026, 10, 24, 12), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void AlwaysCalendar_BusinessTimeIsElapsedTime()
    {
        var saturdayNight = Brussels.At(2027, 3, 6, 23);

        Assert.True(BusinessCalendar.Always.IsWorkingTime(saturdayNight));
        Assert.Equal(saturdayNight.AddMinutes(30).ToUniversalTime(), BusinessCalendar.Always.AddBusinessTime(saturdayNight, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromHours(25), BusinessCalendar.Always.BusinessTimeBetween(Brussels.At(2026, 3, 28, 12), Brussels.At(2026, 3, 29, 14)));
    }

    [Fact]
    public void BusinessTimeBetween_AgreesWithAddBusinessTime()
    {
        var start = Brussels.At(2027, 12, 23, 15, 10);
        var end = Default.AddBusinessTime(start, TimeSpan.FromHours(20));

        Assert.Equal(TimeSpan.FromHours(20), Default.BusinessTimeBetween(start, end));
        Assert.Equal(TimeSpan.Zero, Default.BusinessTimeBetween(end, start));
    }
}
