using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using E = Helpdesk.Core.Sla.SlaClockEvent;

namespace Helpdesk.Core.Tests.Sla;

// Monday 1 March 2027 is an ordinary working Monday in Brussels (CET, UTC+1).
public class SlaClockTests
{
    private static readonly SlaCalendars Calendars = new(BusinessCalendar.FromOptions(new BusinessCalendarOptions()));

    private static readonly SlaPolicy Policy = SlaPolicy.FromOptions(new SlaPolicyOptions
    {
        Providers =
        {
            ["internet-provider"] = new ProviderContractOptions { Response = TimeSpan.FromHours(4), TwentyFourSeven = true },
            ["software-vendor"] = new ProviderContractOptions { Response = TimeSpan.FromHours(8) },
        },
    });

    private static SlaStatus Evaluate(DateTimeOffset now, params E[] log) => SlaClock.Evaluate(log, Policy, Calendars, now);

    [Fact]
    public void RunningP2_ReportsUsedLeftDueAndWarning()
    {
        var status = Evaluate(Brussels.At(2027, 3, 1, 10), new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2));

        Assert.Equal(SlaTargetState.Running, status.FirstResponse.State);
        Assert.Equal(TimeSpan.FromHours(1), status.FirstResponse.Used);
        Assert.Equal(TimeSpan.FromHours(1), status.FirstResponse.Left);
        Assert.Equal(Brussels.At(2027, 3, 1, 11), status.FirstResponse.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 10, 30), status.FirstResponse.WarningAt);
        Assert.Equal(Brussels.At(2027, 3, 1, 17), status.Resolution.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 13), status.NextEscalationDue);
        Assert.False(status.ResponseSatisfied);
    }

    [Fact]
    public void CreatedFridayFivePm_FirstResponseDueMondayTen()
    {
        var status = Evaluate(Brussels.At(2027, 3, 5, 17, 10), new E.Started(1, Brussels.At(2027, 3, 5, 17), Priority.P2));

        Assert.Equal(Brussels.Utc(2027, 3, 8, 9), status.FirstResponse.Due);
    }

    [Fact]
    public void PauseAcrossNightAndDays_PausedTimeDoesNotCount()
    {
        E[] log =
        [
            new E.Started(1, Brussels.At(2027, 3, 1, 16, 30), Priority.P3), // 1h on Monday
            new E.Paused(2, Brussels.At(2027, 3, 2, 9), PauseReason.Requester), // +30 min on Tuesday
            new E.Resumed(3, Brussels.At(2027, 3, 4, 14)),
        ];

        var paused = Evaluate(Brussels.At(2027, 3, 3, 12), log);
        var running = Evaluate(Brussels.At(2027, 3, 4, 15), log);

        Assert.Equal(SlaTargetState.Paused, paused.FirstResponse.State);
        Assert.Null(paused.FirstResponse.Due);
        Assert.Equal(TimeSpan.FromMinutes(90), paused.Resolution.Used);
        Assert.Equal(TimeSpan.FromMinutes(150), running.Resolution.Used);
        Assert.Equal(Brussels.At(2027, 3, 4, 16, 30), running.FirstResponse.Due); // 2h30 left of 4h
    }

    [Fact]
    public void PausedOverWeekendAndHoliday_ResumesWithTimeLeft()
    {
        // Paused Friday 26 March 2027 16:00, resumed on Tuesday 30 (after Easter Monday and the DST change).
        E[] log =
        [
            new E.Started(1, Brussels.At(2027, 3, 26, 15), Priority.P2),
            new E.Paused(2, Brussels.At(2027, 3, 26, 16), PauseReason.Requester),
            new E.Resumed(3, Brussels.At(2027, 3, 30, 10)),
        ];

        var status = Evaluate(Brussels.At(2027, 3, 30, 10), log);

        Assert.Equal(TimeSpan.FromHours(1), status.FirstResponse.Used);
        Assert.Equal(Brussels.Utc(2027, 3, 30, 9), status.FirstResponse.Due);
    }

    [Fact]
    public void PausedOnContractedProvider_ReportsProviderDue()
    {
        var started = new E.Started(1, Brussels.At(2027, 3, 5, 9), Priority.P2);

        var internet = Evaluate(Brussels.At(2027, 3, 5, 21), started, new E.Paused(2, Brussels.At(2027, 3, 5, 16), PauseReason.Provider, "internet-provider"));
        var vendor = Evaluate(Brussels.At(2027, 3, 5, 21), started, new E.Paused(2, Brussels.At(2027, 3, 5, 16), PauseReason.Provider, "software-vendor"));
        var unknown = Evaluate(Brussels.At(2027, 3, 5, 21), started, new E.Paused(2, Brussels.At(2027, 3, 5, 16), PauseReason.Provider, "plumber"));

        Assert.Equal(new ProviderClockStatus("internet-provider", Brussels.At(2027, 3, 5, 16), Brussels.At(2027, 3, 5, 20), true), internet.ProviderClock);
        Assert.Equal(Brussels.At(2027, 3, 8, 15), vendor.ProviderClock!.Due); // 1h30 Friday + 6h30 Monday
        Assert.False(vendor.ProviderClock.Overdue);
        Assert.Equal(new ProviderClockStatus("plumber", Brussels.At(2027, 3, 5, 16), null, false), unknown.ProviderClock);
        Assert.Equal(SlaTargetState.Paused, vendor.Resolution.State);
    }

    [Fact]
    public void PriorityLowered_NewTargetAppliesToTimeAlreadyUsed()
    {
        // 3h used as P2, then P3: 27h in total, so 24h more from Monday 12:00 -> Thursday 09:00.
        var status = Evaluate(
            Brussels.At(2027, 3, 1, 13),
            new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2),
            new E.PriorityChanged(2, Brussels.At(2027, 3, 1, 12), Priority.P2, Priority.P3));

        Assert.Equal(Priority.P3, status.Priority);
        Assert.Equal(TimeSpan.FromHours(4), status.Resolution.Used);
        Assert.Equal(Brussels.At(2027, 3, 4, 9), status.Resolution.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 13), status.FirstResponse.Due); // 4h P3 first response
    }

    [Fact]
    public void PriorityRaisedAfterTargetUsed_BreachedAtOnceWithPastDue()
    {
        // 3h used as P4 (first response 8h), then P2 (first response 2h): the 2h mark was Monday 11:00.
        var log = new E[]
        {
            new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P4),
            new E.PriorityChanged(2, Brussels.At(2027, 3, 1, 12), Priority.P4, Priority.P2),
        };

        var status = SlaClock.Evaluate(log, Policy, Calendars, Brussels.At(2027, 3, 1, 12));
        var actions = SlaClock.NextActions(log, Policy, Calendars, Brussels.At(2027, 3, 1, 12));

        Assert.Equal(SlaTargetState.Breached, status.FirstResponse.State);
        Assert.Equal(Brussels.At(2027, 3, 1, 11), status.FirstResponse.Due);
        Assert.Equal(Brussels.At(2027, 3, 1, 17), status.Resolution.Due);
        Assert.Contains(new E.Breached(4, Brussels.At(2027, 3, 1, 12), SlaTarget.FirstResponse, Brussels.At(2027, 3, 1, 11)), actions.Due);
    }

    [Fact]
    public void P1OnSaturdayNight_CountsAroundTheClock()
    {
        var status = Evaluate(Brussels.At(2027, 3, 6, 22, 10), new E.Started(1, Brussels.At(2027, 3, 6, 22), Priority.P1));

        Assert.Equal(Brussels.Utc(2027, 3, 6, 21, 30), status.FirstResponse.Due);
        Assert.Equal(Brussels.Utc(2027, 3, 7, 1), status.Resolution.Due);
    }

    [Fact]
    public void P1AcrossSpringDstNight_CountsRealHours()
    {
        // 00:30 CET on 28 March 2027 + 4 real hours = 05:30 CEST (the 02:00-03:00 hour does not exist).
        var status = Evaluate(Brussels.At(2027, 3, 28, 1), new E.Started(1, Brussels.At(2027, 3, 28, 0, 30), Priority.P1));

        Assert.Equal(Brussels.Utc(2027, 3, 28, 3, 30), status.Resolution.Due);
        Assert.Equal(Brussels.At(2027, 3, 28, 5, 30), status.Resolution.Due);
    }

    [Fact]
    public void P1DowngradedToP2OnFriday_RemainingTimeWaitsForMonday()
    {
        // 1h used 24/7 as P1 (Friday 20:00-21:00), then P2: 7h of business hours left from Monday 08:30.
        var status = Evaluate(
            Brussels.At(2027, 3, 5, 22),
            new E.Started(1, Brussels.At(2027, 3, 5, 20), Priority.P1),
            new E.PriorityChanged(2, Brussels.At(2027, 3, 5, 21), Priority.P1, Priority.P2));

        Assert.Equal(TimeSpan.FromHours(1), status.Resolution.Used);
        Assert.Equal(Brussels.At(2027, 3, 8, 15, 30), status.Resolution.Due);
    }

    [Fact]
    public void ResponseMetInTime_FirstResponseMetAndNeverWarned()
    {
        var log = new E[]
        {
            new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2),
            new E.ResponseMet(2, Brussels.At(2027, 3, 1, 9, 20)),
        };

        var status = SlaClock.Evaluate(log, Policy, Calendars, Brussels.At(2027, 3, 1, 12));
        var actions = SlaClock.NextActions(log, Policy, Calendars, Brussels.At(2027, 3, 1, 12));

        Assert.True(status.ResponseSatisfied);
        Assert.Equal(SlaTargetState.Met, status.FirstResponse.State);
        Assert.Equal(TimeSpan.FromMinutes(20), status.FirstResponse.Used);
        Assert.Null(status.FirstResponse.Due);
        Assert.DoesNotContain(actions.Due, a => a is E.Warned { Target: SlaTarget.FirstResponse } or E.Breached { Target: SlaTarget.FirstResponse });
        Assert.Equal(Brussels.At(2027, 3, 1, 13), actions.NextDeadline); // L1 escalation
    }

    [Fact]
    public void ResolvedThenReopened_ResolutionClockContinuesWhereItStopped()
    {
        E[] log =
        [
            new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2),
            new E.Resolved(2, Brussels.At(2027, 3, 1, 10, 45)),
            new E.Reopened(3, Brussels.At(2027, 3, 2, 9)),
        ];

        var resolved = Evaluate(Brussels.At(2027, 3, 1, 16), log);
        var reopened = Evaluate(Brussels.At(2027, 3, 2, 10), log);

        Assert.Equal(SlaPhase.Resolved, resolved.Phase);
        Assert.Equal(SlaTargetState.Met, resolved.Resolution.State);
        Assert.Equal(SlaTargetState.Met, resolved.FirstResponse.State);
        Assert.Equal(TimeSpan.FromMinutes(165), reopened.Resolution.Used);
        Assert.Equal(Brussels.At(2027, 3, 2, 15, 15), reopened.Resolution.Due); // 6h15 left from Tuesday 09:00
    }

    [Fact]
    public void LevelTime_IsSplitByLevelAndEscalationFollowsCurrentLevelShare()
    {
        // Manual move to L2 after 1h: L2 may use 30 % of 8h = 2h24 before escalating to L3.
        var status = Evaluate(
            Brussels.At(2027, 3, 1, 11),
            new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2),
            new E.LevelChanged(2, Brussels.At(2027, 3, 1, 10), SupportLevel.L1, SupportLevel.L2, LevelChangeMode.Manual));

        Assert.Equal(SupportLevel.L2, status.Level);
        Assert.Equal(TimeSpan.FromHours(1), status.TimeAtLevel[SupportLevel.L1]);
        Assert.Equal(TimeSpan.FromHours(1), status.TimeAtLevel[SupportLevel.L2]);
        Assert.Equal(TimeSpan.Zero, status.TimeAtLevel[SupportLevel.L3]);
        Assert.Equal(Brussels.At(2027, 3, 1, 12, 24), status.NextEscalationDue);
    }

    [Fact]
    public void AtL3_NoFurtherEscalation()
    {
        var status = Evaluate(Brussels.At(2027, 3, 1, 10), new E.Started(1, Brussels.At(2027, 3, 1, 9), Priority.P2, SupportLevel.L3));

        Assert.Null(status.NextEscalationDue);
    }

    [Fact]
    public void EmptyLog_IsRejectedWithReason()
    {
        var error = Assert.Throws<ArgumentException>(() => SlaClock.Evaluate([], Policy, Calendars, Brussels.At(2027, 3, 1, 9)));

        Assert.StartsWith("An SLA log must begin with a Started event.", error.Message, StringComparison.Ordinal);
    }
}
