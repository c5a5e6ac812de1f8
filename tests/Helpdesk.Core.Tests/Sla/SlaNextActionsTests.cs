using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Time.Testing;
using E = Helpdesk.Core.Sla.SlaClockEvent;

namespace Helpdesk.Core.Tests.Sla;

// A P2 ticket opened Monday 1 March 2027 09:00 Brussels, with no response: first response 2h, resolution 8h,
// L1 may use 4h, L2 2h24, warnings at 75 %.
public class SlaNextActionsTests
{
    private static readonly SlaCalendars Calendars = new(BusinessCalendar.FromOptions(new BusinessCalendarOptions()));
    private static readonly E.Started Opened = new(1, Brussels.At(2027, 3, 1, 9), Priority.P2);

    private static SlaDueActions At(DateTimeOffset now, params E[] log) => SlaClock.NextActions(log, SlaPolicy.Default, Calendars, now);

    [Fact]
    public void TimerDrivenDay_ActionsComeInDueOrder()
    {
        // Plays the orchestrator: sleep until NextDeadline, record what is due, repeat.
        var time = new FakeTimeProvider(Opened.At);
        var evaluator = new SlaEvaluator(SlaPolicy.Default, Calendars, time);
        var log = new List<E> { Opened };

        for (var next = evaluator.NextActions(log); next.NextDeadline is { } deadline; next = evaluator.NextActions(log))
        {
            time.SetUtcNow(deadline);
            log.AddRange(evaluator.NextActions(log).Due);
        }

        E[] expected =
        [
            Opened,
            new E.Warned(2, Brussels.At(2027, 3, 1, 10, 30), SlaTarget.FirstResponse, SupportLevel.L1, Brussels.At(2027, 3, 1, 10, 30)),
            new E.Breached(3, Brussels.At(2027, 3, 1, 11), SlaTarget.FirstResponse, Brussels.At(2027, 3, 1, 11)),
            new E.Escalated(4, Brussels.At(2027, 3, 1, 13), SupportLevel.L1, SupportLevel.L2, Brussels.At(2027, 3, 1, 13)),
            new E.Warned(5, Brussels.At(2027, 3, 1, 15), SlaTarget.Resolution, SupportLevel.L2, Brussels.At(2027, 3, 1, 15)),
            new E.Escalated(6, Brussels.At(2027, 3, 1, 15, 24), SupportLevel.L2, SupportLevel.L3, Brussels.At(2027, 3, 1, 15, 24)),
            new E.Breached(7, Brussels.At(2027, 3, 1, 17), SlaTarget.Resolution, Brussels.At(2027, 3, 1, 17)),
        ];
        Assert.Equal(expected, log);

        var final = evaluator.Evaluate(log);
        Assert.Equal(SupportLevel.L3, final.Level);
        Assert.Equal(SlaTargetState.Breached, final.Resolution.State);
    }

    [Fact]
    public void JustBeforeDue_NothingDueAndDeadlineIsTheWarning()
    {
        var early = At(Brussels.At(2027, 3, 1, 10, 30).AddTicks(-1), Opened);
        var onTime = At(Brussels.At(2027, 3, 1, 10, 30), Opened);

        Assert.Empty(early.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 10, 30), early.NextDeadline);
        Assert.Equal([new E.Warned(2, Brussels.At(2027, 3, 1, 10, 30), SlaTarget.FirstResponse, SupportLevel.L1, Brussels.At(2027, 3, 1, 10, 30))], onTime.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 11), onTime.NextDeadline);
    }

    [Fact]
    public void LateTimer_ReturnsEveryMissedActionDatedNowInDueOrder()
    {
        var now = Brussels.At(2027, 3, 1, 11, 30);

        var result = At(now, Opened);

        Assert.Equal(
            [
                new E.Warned(2, now, SlaTarget.FirstResponse, SupportLevel.L1, Brussels.At(2027, 3, 1, 10, 30)),
                new E.Breached(3, now, SlaTarget.FirstResponse, Brussels.At(2027, 3, 1, 11)),
            ],
            result.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 13), result.NextDeadline);
    }

    [Fact]
    public void RecordedActionsFedBack_NothingNewAndSameDeadline()
    {
        var now = Brussels.At(2027, 3, 1, 11, 30);
        var first = At(now, Opened);
        E[] log = [Opened, .. first.Due];

        var again = At(now, log);
        var later = At(Brussels.At(2027, 3, 1, 12, 59), log);

        Assert.Empty(again.Due);
        Assert.Equal(first.NextDeadline, again.NextDeadline);
        Assert.Empty(later.Due);
    }

    [Fact]
    public void NotRecorded_SameActionsReturnedAgain()
    {
        var now = Brussels.At(2027, 3, 1, 11, 30);

        Assert.Equal(At(now, Opened).Due, At(now, Opened).Due);
    }

    [Fact]
    public void Paused_NoDeadlineAndNoBreachWhileWaiting()
    {
        var paused = new E.Paused(2, Brussels.At(2027, 3, 1, 10), PauseReason.Requester);

        var result = At(Brussels.At(2027, 3, 3, 12), Opened, paused);

        Assert.Empty(result.Due);
        Assert.Null(result.NextDeadline);
    }

    [Fact]
    public void Resolved_NoWarningOrEscalationAfterwards()
    {
        var result = At(Brussels.At(2027, 3, 2, 12), Opened, new E.ResponseMet(2, Brussels.At(2027, 3, 1, 9, 15)), new E.Resolved(3, Brussels.At(2027, 3, 1, 12)));

        Assert.Empty(result.Due);
        Assert.Null(result.NextDeadline);
    }

    [Fact]
    public void ResolvedAfterUnrecordedBreach_BreachStillReported()
    {
        // The orchestrator missed the 11:00 breach; the resolution at 12:00 does not erase it.
        var result = At(Brussels.At(2027, 3, 1, 12), Opened, new E.Resolved(2, Brussels.At(2027, 3, 1, 12)));

        Assert.Equal([new E.Breached(3, Brussels.At(2027, 3, 1, 12), SlaTarget.FirstResponse, Brussels.At(2027, 3, 1, 11))], result.Due);
        Assert.Null(result.NextDeadline);
    }

    [Fact]
    public void BackToAnAlreadySpentLevel_EscalatesAtOnceOnce()
    {
        // L1 used its 4h, was escalated, then sent back to L1 by hand: L1 has no share left.
        E[] log =
        [
            Opened,
            new E.ResponseMet(2, Brussels.At(2027, 3, 1, 9, 10)),
            new E.Escalated(3, Brussels.At(2027, 3, 1, 13), SupportLevel.L1, SupportLevel.L2, Brussels.At(2027, 3, 1, 13)),
            new E.LevelChanged(4, Brussels.At(2027, 3, 1, 13, 30), SupportLevel.L2, SupportLevel.L1, LevelChangeMode.Manual),
        ];

        var result = At(Brussels.At(2027, 3, 1, 13, 45), log);

        // L1 -> L2 is already in the log, so it is not repeated; the next deadline is the resolution warning.
        Assert.Empty(result.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 15), result.NextDeadline);
    }

    [Fact]
    public void ResponseExactlyAtDue_IsABreach()
    {
        var log = new E[] { Opened, new E.ResponseMet(2, Brussels.At(2027, 3, 1, 11)) };

        var status = SlaClock.Evaluate(log, SlaPolicy.Default, Calendars, Brussels.At(2027, 3, 1, 11));

        Assert.Equal(SlaTargetState.Breached, status.FirstResponse.State);
    }

    [Fact]
    public void EventsAfterNow_AreNotYetApplied()
    {
        // A pause logged for 10:00 does not stop the clock when evaluating at 09:30.
        var status = SlaClock.Evaluate([Opened, new E.Paused(2, Brussels.At(2027, 3, 1, 10), PauseReason.Requester)], SlaPolicy.Default, Calendars, Brussels.At(2027, 3, 1, 9, 30));

        Assert.Equal(SlaPhase.Running, status.Phase);
        Assert.Equal(TimeSpan.FromMinutes(30), status.Resolution.Used);
    }
}
