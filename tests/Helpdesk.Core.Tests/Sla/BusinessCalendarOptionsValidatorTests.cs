using Helpdesk.Core.Sla;

namespace Helpdesk.Core.Tests.Sla;

public class BusinessCalendarOptionsValidatorTests
{
    private readonly BusinessCalendarOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(_validator.Validate(null, new BusinessCalendarOptions()).Succeeded);
    }

    [Fact]
    public void BadValues_EachReportedWithItsKey()
    {
        var options = new BusinessCalendarOptions { TimeZone = "Mars/Olympus", Tuesday = "17:30-08:30", Wednesday = "9h-17h", Holidays = "FR" };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("TimeZone 'Mars/Olympus' is not a known time zone", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Tuesday '17:30-08:30': the end (08:30) must be after the start (17:30)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Wednesday '9h-17h' is not a working-hours range", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Holidays 'FR' is not a known rule set", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDayClosed_IsRejected()
    {
        var closed = WorkingHours.Closed;
        var options = new BusinessCalendarOptions { Monday = closed, Tuesday = closed, Wednesday = closed, Thursday = closed, Friday = closed };

        var result = _validator.Validate(null, options);

        Assert.Contains("every day is closed", result.FailureMessage, StringComparison.Ordinal);
    }
}
