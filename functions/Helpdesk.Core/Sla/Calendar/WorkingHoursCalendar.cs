using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Helpdesk.Core.Sla;

// Each working day is one segment in local wall time; its two bounds are converted to UTC separately with the
// zone. A DST change therefore never stretches or shrinks the working day, and all arithmetic then happens on
// UTC segments.
internal sealed class WorkingHoursCalendar : BusinessCalendar
{
    // Guards against a configuration that closes everything (extra closed days cover a whole year): fail, don't spin.
    private const int MaxClosedDaysInARow = 400;

    private readonly TimeZoneInfo _zone;
    private readonly FrozenDictionary<DayOfWeek, WorkingHours> _hours;
    private readonly FrozenSet<DateOnly> _extraClosedDays;
    private readonly string _holidayRuleSet;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _holidaysByYear = new();

    public WorkingHoursCalendar(BusinessCalendarOptions options)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var hours = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (!WorkingHours.TryParse(options.HoursOf(day), out var range, out var error))
            {
                throw new ArgumentException($"{day}: {error}", nameof(options));
            }

            if (range is { } open)
            {
                hours[day] = open;
            }
        }

        _hours = hours.ToFrozenDictionary();
        _extraClosedDays = options.ExtraClosedDays.ToFrozenSet();
        _holidayRuleSet = options.Holidays;
        _ = PublicHolidays.For(_holidayRuleSet, 2000); // fail fast on an unknown rule set
    }

    public override bool IsWorkingTime(DateTimeOffset instant) =>
        SegmentOn(LocalDate(instant)) is { } segment && segment.Start <= instant && instant < segment.End;

    public override DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => SegmentsFrom(instant).First().Start;

    public override DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var remaining = duration;
        foreach (var segment in SegmentsFrom(start))
        {
            var length = segment.End - segment.Start;
            if (remaining <= length)
            {
                return segment.Start + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: the segment sequence is unbounded.");
    }

    public override TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var segment in SegmentsFrom(from))
        {
            if (segment.Start >= to)
            {
                break;
            }

            total += (segment.End < to ? segment.End : to) - segment.Start;
        }

        return total;
    }

    public bool IsClosedDay(DateOnly day) => _extraClosedDays.Contains(day) || HolidaysOf(day.Year).Contains(day);

    // Working segments (UTC) that end after `instant`, the first one clipped to start at `instant`.
    private IEnumerable<Segment> SegmentsFrom(DateTimeOffset instant)
    {
        instant = instant.ToUniversalTime();

        // Start a day early: with a shifted zone a segment of the previous local date can still be open.
        var day = LocalDate(instant).AddDays(-1);
        var closedInARow = 0;
        while (true)
        {
            if (SegmentOn(day) is { } segment)
            {
                closedInARow = 0;
                if (segment.End > instant)
                {
                    yield return segment.Start < instant ? segment with { Start = instant } : segment;
                }
            }
            else if (++closedInARow > MaxClosedDaysInARow)
            {
                throw new InvalidOperationException(
                    $"The business calendar has no working day in the {MaxClosedDaysInARow} days after {day.AddDays(-MaxClosedDaysInARow):yyyy-MM-dd}; check working hours and closed days.");
            }

            day = day.AddDays(1);
        }
    }

    private Segment? SegmentOn(DateOnly day)
    {
        if (!_hours.TryGetValue(day.DayOfWeek, out var hours) || IsClosedDay(day))
        {
            return null;
        }

        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var start = ToUtc(midnight + hours.Start);
        var end = ToUtc(midnight + hours.End);

        // A range lying entirely inside a spring-forward gap has no real time in it.
        return end > start ? new Segment(start, end) : null;
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    private DateTimeOffset ToUtc(DateTime localWallTime)
    {
        // Spring forward: the wall time does not exist; the first real instant after the gap is what people mean.
        while (_zone.IsInvalidTime(localWallTime))
        {
            localWallTime = localWallTime.AddMinutes(1);
        }

        // Fall back: the wall time happens twice; take the first occurrence (the larger offset).
        var offset = _zone.IsAmbiguousTime(localWallTime)
            ? _zone.GetAmbiguousTimeOffsets(localWallTime).Max()
            : _zone.GetUtcOffset(localWallTime);
        return new DateTimeOffset(localWallTime, offset).ToUniversalTime();
    }

    private FrozenSet<DateOnly> HolidaysOf(int year) =>
        _holidaysByYear.GetOrAdd(year, y => PublicHolidays.For(_holidayRuleSet, y).ToFrozenSet());

    private readonly record struct Segment(DateTimeOffset Start, DateTimeOffset End);
}
