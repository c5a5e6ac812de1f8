namespace Helpdesk.Core.Sla;

// Answers "how much business time lies between two instants" and its inverse. Instants in, UTC instants out.
// Immutable and thread-safe: build once from options and share.
public abstract class BusinessCalendar
{
    private protected BusinessCalendar()
    {
    }

    // 24/7: business time is elapsed time.
    public static BusinessCalendar Always { get; } = new AlwaysOpenCalendar();

    public static BusinessCalendar FromOptions(BusinessCalendarOptions options) => new WorkingHoursCalendar(options);

    public abstract bool IsWorkingTime(DateTimeOffset instant);

    // The instant itself when it is working time, otherwise the next opening.
    public abstract DateTimeOffset NextWorkingInstant(DateTimeOffset instant);

    // The UTC instant at which `duration` of business time has elapsed after `start`.
    // A duration that ends exactly at a closing time returns that closing time, not the next opening.
    public abstract DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration);

    // Zero when `to` is not after `from`.
    public abstract TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to);

    private sealed class AlwaysOpenCalendar : BusinessCalendar
    {
        public override bool IsWorkingTime(DateTimeOffset instant) => true;

        public override DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant.ToUniversalTime();

        public override DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
            return (start + duration).ToUniversalTime();
        }

        public override TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
            to > from ? to - from : TimeSpan.Zero;
    }
}
