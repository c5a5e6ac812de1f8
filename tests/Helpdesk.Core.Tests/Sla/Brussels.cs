namespace Helpdesk.Core.Tests.Sla;

// Builds instants from Brussels wall time so test data reads like the business day it describes.
internal static class Brussels
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var wallTime = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallTime, Zone.GetUtcOffset(wallTime));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
