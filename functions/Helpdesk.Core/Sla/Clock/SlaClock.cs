using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

// Pure functions over an SLA log. Rules:
// - Only running time counts: paused, resolved and closed stretches do not. Each stretch is measured in the
//   calendar of the priority it ran under (24/7 or business hours).
// - Targets are those of the current priority, applied to all time used so far: after a priority change the
//   due instant is when the total used time reaches the new target, which may already be in the past (then
//   the target is breached at once and the breach is dated at that past instant).
// - Reaching a target is a breach: a response recorded exactly at the due instant is late.
// - Each level may use its share of the resolution target; when the current level has used it the ticket is
//   due to escalate one level (L1 -> L2 -> L3). At L3 only the resolution breach remains.
// - A breach recorded in the log stays a breach even if a later priority change would give more time.
public static class SlaClock
{
    public static SlaStatus Evaluate(IReadOnlyList<SlaClockEvent> log, SlaPolicy policy, SlaCalendars calendars, DateTimeOffset now)
    {
        var replay = ClockReplay.Run(log, policy, calendars, now);
        var targets = policy.TargetsFor(replay.Priority);
        var levelSpans = replay.Spans.Where(s => s.Level == replay.Level);

        return new SlaStatus(
            now,
            replay.Phase,
            replay.Priority,
            replay.Level,
            TargetStatus(replay, SlaTarget.FirstResponse, ResponseSpans(replay), targets.FirstResponse, !replay.ResponseOutstanding, policy, now),
            TargetStatus(replay, SlaTarget.Resolution, replay.Spans, targets.Resolution, !replay.IsOpen, policy, now),
            !replay.ResponseOutstanding,
            Enum.GetValues<SupportLevel>().ToDictionary(l => l, l => replay.Spans.Where(s => s.Level == l).Used(now)),
            replay.Phase == SlaPhase.Running && replay.Level < SupportLevel.L3
                ? levelSpans.Reaches(policy.LevelBudget(replay.Priority, replay.Level))
                : null,
            ProviderClock(replay, policy, calendars, now));
    }

    // The actions due at `now` that the log does not hold yet, numbered after the log's last sequence and dated
    // `now` (so the log stays in time order), and the next instant something falls due. Never returns an action
    // due after `now`: a timer firing early simply gets nothing and the next deadline again.
    // At most two warnings, two breaches and two escalations exist per ticket lifecycle; a few more rounds are slack.
    private const int MaxRounds = 16;

    public static SlaDueActions NextActions(IReadOnlyList<SlaClockEvent> log, SlaPolicy policy, SlaCalendars calendars, DateTimeOffset now)
    {
        var extended = log.ToList();
        var due = new List<SlaClockEvent>();

        // Recording an escalation can make the next one due at once (the new level may already have spent its
        // share earlier), so re-evaluate with the recorded actions until nothing new is due. Each action can be
        // recorded only once, so this ends; the bound turns a future bug into an error instead of a hung worker.
        for (var round = 0; ; round++)
        {
            if (round > MaxRounds)
            {
                throw new InvalidOperationException($"SLA evaluation did not settle after {MaxRounds} rounds; the clock log is inconsistent.");
            }

            var replay = ClockReplay.Run(extended, policy, calendars, now);
            var pending = Pending(replay, policy, now).ToList();
            var dueNow = pending.Where(p => p.DueAt <= now).OrderBy(p => p.DueAt).ThenBy(p => p.Rank).ToList();
            if (dueNow.Count == 0)
            {
                var future = pending.Where(p => p.DueAt > now).Select(p => (DateTimeOffset?)p.DueAt);
                return new SlaDueActions(due, future.Min());
            }

            var sequence = replay.LastSequence;
            foreach (var action in dueNow)
            {
                var recorded = action.Event with { Sequence = ++sequence };
                due.Add(recorded);
                extended.Add(recorded);
            }
        }
    }

    private static IEnumerable<PendingAction> Pending(ClockReplay replay, SlaPolicy policy, DateTimeOffset now)
    {
        var targets = policy.TargetsFor(replay.Priority);
        var responseSpans = ResponseSpans(replay);

        if (replay.ResponseOutstanding && !replay.HasWarned(SlaTarget.FirstResponse)
            && responseSpans.Reaches(targets.FirstResponse * policy.WarningThreshold) is { } responseWarning)
        {
            yield return new PendingAction(responseWarning, 0, new SlaClockEvent.Warned(0, now, SlaTarget.FirstResponse, replay.Level, responseWarning));
        }

        if (replay.IsOpen && !replay.HasWarned(SlaTarget.Resolution)
            && replay.Spans.Reaches(targets.Resolution * policy.WarningThreshold) is { } resolutionWarning)
        {
            yield return new PendingAction(resolutionWarning, 1, new SlaClockEvent.Warned(0, now, SlaTarget.Resolution, replay.Level, resolutionWarning));
        }

        if (replay.IsOpen && replay.Level < SupportLevel.L3)
        {
            var next = replay.Level + 1;
            if (!replay.HasEscalated(replay.Level, next)
                && replay.Spans.Where(s => s.Level == replay.Level).Reaches(policy.LevelBudget(replay.Priority, replay.Level)) is { } escalation)
            {
                yield return new PendingAction(escalation, 2, new SlaClockEvent.Escalated(0, now, replay.Level, next, escalation));
            }
        }

        // Breaches are facts worth recording even after the ticket stopped, so they are not limited to open tickets.
        if (!replay.HasBreached(SlaTarget.FirstResponse) && responseSpans.Reaches(targets.FirstResponse) is { } responseBreach)
        {
            yield return new PendingAction(responseBreach, 3, new SlaClockEvent.Breached(0, now, SlaTarget.FirstResponse, responseBreach));
        }

        if (!replay.HasBreached(SlaTarget.Resolution) && replay.Spans.Reaches(targets.Resolution) is { } resolutionBreach)
        {
            yield return new PendingAction(resolutionBreach, 4, new SlaClockEvent.Breached(0, now, SlaTarget.Resolution, resolutionBreach));
        }
    }

    private static IEnumerable<RunSpan> ResponseSpans(ClockReplay replay) => replay.Spans.Where(s => s.ResponseOutstanding);

    private static SlaTargetStatus TargetStatus(
        ClockReplay replay, SlaTarget target, IEnumerable<RunSpan> spans, TimeSpan allowed, bool stopped, SlaPolicy policy, DateTimeOffset now)
    {
        var used = spans.Used(now);
        var due = spans.Reaches(allowed);
        var state = replay.HasBreached(target) || due <= now ? SlaTargetState.Breached
            : stopped ? SlaTargetState.Met
            : replay.Phase == SlaPhase.Running ? SlaTargetState.Running
            : SlaTargetState.Paused;
        var left = used < allowed ? allowed - used : TimeSpan.Zero;
        return new SlaTargetStatus(target, state, allowed, used, left, due, spans.Reaches(allowed * policy.WarningThreshold));
    }

    private static ProviderClockStatus? ProviderClock(ClockReplay replay, SlaPolicy policy, SlaCalendars calendars, DateTimeOffset now)
    {
        if (replay.Phase != SlaPhase.Paused || replay.PausedOnProvider is not { } provider || replay.PausedSince is not { } since)
        {
            return null;
        }

        if (policy.ProviderContract(provider) is not { } contract)
        {
            return new ProviderClockStatus(provider, since, null, false);
        }

        var due = calendars.For(contract.TwentyFourSeven).AddBusinessTime(since, contract.Response);
        return new ProviderClockStatus(provider, since, due, due <= now);
    }

    // Rank orders actions due at the same instant: warnings, then escalation, then breaches.
    private sealed record PendingAction(DateTimeOffset DueAt, int Rank, SlaClockEvent Event);
}
