using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

// A stretch of time during which the clock ran with one priority, level and calendar. To is null for the
// stretch still running at the evaluation instant.
internal sealed record RunSpan(
    DateTimeOffset From,
    DateTimeOffset? To,
    Priority Priority,
    SupportLevel Level,
    bool ResponseOutstanding,
    BusinessCalendar Calendar);

// The state obtained by replaying a log up to an instant. Events that do not apply in the current phase
// (resume while running, pause after resolution, anything after Closed) are ignored rather than rejected:
// the log is written by several parties and must never make evaluation fail.
internal sealed class ClockReplay
{
    private readonly List<RunSpan> _spans = [];
    private readonly HashSet<SlaTarget> _warned = [];
    private readonly HashSet<SlaTarget> _breached = [];
    private readonly HashSet<(SupportLevel From, SupportLevel To)> _escalations = [];
    private DateTimeOffset? _runningSince;

    private ClockReplay(SlaClockEvent.Started start)
    {
        Priority = start.Priority;
        Level = start.Level;
        _runningSince = start.At;
    }

    public SlaPhase Phase { get; private set; } = SlaPhase.Running;

    public Priority Priority { get; private set; }

    public SupportLevel Level { get; private set; }

    public bool ResponseOutstanding { get; private set; } = true;

    public PauseReason? PauseReason { get; private set; }

    public string? PausedOnProvider { get; private set; }

    public DateTimeOffset? PausedSince { get; private set; }

    public long LastSequence { get; private set; }

    public IReadOnlyList<RunSpan> Spans => _spans;

    public bool IsOpen => Phase is SlaPhase.Running or SlaPhase.Paused;

    public static ClockReplay Run(IEnumerable<SlaClockEvent> log, SlaPolicy policy, SlaCalendars calendars, DateTimeOffset now)
    {
        var ordered = log.OrderBy(e => e.Sequence).ToList();
        if (ordered.Count == 0 || ordered[0] is not SlaClockEvent.Started start)
        {
            throw new ArgumentException("An SLA log must begin with a Started event.", nameof(log));
        }

        if (start.At > now)
        {
            throw new ArgumentException($"The clock starts at {start.At:O}, after the evaluation instant {now:O}.", nameof(log));
        }

        var replay = new ClockReplay(start) { LastSequence = ordered[^1].Sequence };
        var previous = start.At;
        foreach (var entry in ordered.Skip(1))
        {
            if (entry.At > now)
            {
                break;
            }

            var at = entry.At > previous ? entry.At : previous;
            previous = at;
            replay.CloseSpanAt(at, policy, calendars);
            replay.Apply(entry, at);
        }

        if (replay._runningSince is { } from)
        {
            replay._spans.Add(replay.SpanFrom(from, null, policy, calendars));
        }

        return replay;
    }

    public bool HasWarned(SlaTarget target) => _warned.Contains(target);

    public bool HasBreached(SlaTarget target) => _breached.Contains(target);

    public bool HasEscalated(SupportLevel from, SupportLevel to) => _escalations.Contains((from, to));

    // Every event ends the current span so each span has one priority, level and response state.
    private void CloseSpanAt(DateTimeOffset at, SlaPolicy policy, SlaCalendars calendars)
    {
        if (_runningSince is { } from && at > from)
        {
            _spans.Add(SpanFrom(from, at, policy, calendars));
            _runningSince = at;
        }
    }

    private RunSpan SpanFrom(DateTimeOffset from, DateTimeOffset? to, SlaPolicy policy, SlaCalendars calendars) =>
        new(from, to, Priority, Level, ResponseOutstanding, calendars.For(policy.TargetsFor(Priority).TwentyFourSeven));

    private void Apply(SlaClockEvent entry, DateTimeOffset at)
    {
        switch (entry)
        {
            case SlaClockEvent.Paused paused when Phase == SlaPhase.Running
                || (Phase == SlaPhase.Paused && (paused.Reason != PauseReason || paused.Provider != PausedOnProvider)):
                Phase = SlaPhase.Paused;
                _runningSince = null;
                PauseReason = paused.Reason;
                PausedOnProvider = paused.Reason == Sla.PauseReason.Provider ? paused.Provider : null;
                PausedSince = at;
                break;
            case SlaClockEvent.Resumed when Phase == SlaPhase.Paused:
                Run(at);
                break;
            case SlaClockEvent.Reopened when Phase == SlaPhase.Resolved:
                Run(at);
                break;
            case SlaClockEvent.Resolved when IsOpen:
                Stop(SlaPhase.Resolved);
                break;
            case SlaClockEvent.Closed when Phase != SlaPhase.Closed:
                Stop(SlaPhase.Closed);
                break;
            case SlaClockEvent.LevelChanged changed when Phase != SlaPhase.Closed:
                Level = changed.To;
                break;
            case SlaClockEvent.Escalated escalated:
                _escalations.Add((escalated.From, escalated.To));
                if (Phase != SlaPhase.Closed)
                {
                    Level = escalated.To;
                }

                break;
            case SlaClockEvent.PriorityChanged changed when Phase != SlaPhase.Closed:
                Priority = changed.To;
                break;
            case SlaClockEvent.ResponseMet:
                ResponseOutstanding = false;
                break;
            case SlaClockEvent.Warned warned:
                _warned.Add(warned.Target);
                break;
            case SlaClockEvent.Breached breached:
                _breached.Add(breached.Target);
                break;
            default:
                break;
        }
    }

    private void Run(DateTimeOffset at)
    {
        Phase = SlaPhase.Running;
        _runningSince = at;
        ClearPause();
    }

    private void Stop(SlaPhase phase)
    {
        Phase = phase;
        _runningSince = null;
        ResponseOutstanding = false;
        ClearPause();
    }

    private void ClearPause()
    {
        PauseReason = null;
        PausedOnProvider = null;
        PausedSince = null;
    }
}

internal static class RunSpans
{
    public static TimeSpan Used(this IEnumerable<RunSpan> spans, DateTimeOffset now)
    {
        var used = TimeSpan.Zero;
        foreach (var span in spans)
        {
            used += span.Calendar.BusinessTimeBetween(span.From, span.To ?? now);
        }

        return used;
    }

    // The first instant at which the spans have used `amount` of business time, each span in its own calendar;
    // null when they stop short of it. A still-running span always reaches it.
    public static DateTimeOffset? Reaches(this IEnumerable<RunSpan> spans, TimeSpan amount)
    {
        var used = TimeSpan.Zero;
        foreach (var span in spans)
        {
            var remaining = amount - used;
            if (span.To is not { } to || span.Calendar.BusinessTimeBetween(span.From, to) >= remaining)
            {
                return span.Calendar.AddBusinessTime(span.From, remaining);
            }

            used += span.Calendar.BusinessTimeBetween(span.From, to);
        }

        return null;
    }
}
