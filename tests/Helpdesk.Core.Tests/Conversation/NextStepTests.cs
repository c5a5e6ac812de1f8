using Helpdesk.Core.Conversation;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Core.Tests.Conversation;

/// <summary>
/// The status page's "next step" from the SLA clock's live state. Default calendar (Brussels, Mon–Fri 08:30–17:30), P2:
/// first response 2 h, resolution 8 h of business time.
/// </summary>
public class NextStepTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Brussels
    private static readonly SlaCalendars Calendars = new(BusinessCalendar.FromOptions(new BusinessCalendarOptions()));

    private static SlaStatus Clock(DateTimeOffset now, params SlaClockEvent[] log) =>
        new SlaEvaluator(SlaPolicy.Default, Calendars, new FakeTimeProvider(now)).Evaluate(log);

    private static Ticket Ticket(TicketStatus status)
    {
        var ticket = new Ticket
        {
            Number = 1042, Status = status, Priority = Priority.P2, Level = SupportLevel.L1, Category = Category.Hardware,
            Impact = Impact.Team, CanWork = CanWork.Partly, Requester = new Requester("Marie", "marie@example.be", null, "fr"),
            Subject = "Écran noir", Description = "…", CreatedAt = Opened, UpdatedAt = Opened,
            AcknowledgedAt = status == TicketStatus.New ? null : Opened.AddMinutes(15),
        };
        return ticket with { DueAt = new SlaDeadlines(SlaPolicy.Default, Calendars).NextDue(ticket) };
    }

    [Theory]
    [InlineData("fr", "Nous visons une solution au plus tard demain à 09:00.")]
    [InlineData("en", "We aim to solve it by tomorrow at 09:00 at the latest.")]
    public void AfterAPauseOnTheRequester_TheNextStepIsTheClocksDeadline_NotTheOneCountedFromCreation(string lang, string expected)
    {
        // Used 1 h (Mon 10:00–11:00), paused a business day on the requester, resumed Tue 11:00: 7 h left → Wed 09:00.
        var now = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
        var clock = Clock(now,
            new SlaClockEvent.Started(1, Opened, Priority.P2),
            new SlaClockEvent.ResponseMet(2, Opened.AddMinutes(15)),
            new SlaClockEvent.Paused(3, Opened.AddHours(1), PauseReason.Requester),
            new SlaClockEvent.Resumed(4, now));
        var ticket = Ticket(TicketStatus.InProgress);

        Assert.Equal(expected, NextStep.Words(ticket, clock, lang, now, Brussels));
        // The time counted from creation (Tuesday 09:00) is already past: the reason not to use it.
        Assert.True(ticket.DueAt < now);
    }

    [Theory]
    [InlineData("fr", "Nous attendons votre réponse : utilisez le formulaire ci-dessous. Notre délai est suspendu jusqu'à votre réponse.")]
    [InlineData("en", "We are waiting for your answer: use the form below. Our deadline is paused until you answer.")]
    public void WhileTheClockWaitsOnTheRequester_ItSaysWeWaitForTheirAnswer(string lang, string expected)
    {
        var now = Opened.AddHours(3);
        var clock = Clock(now,
            new SlaClockEvent.Started(1, Opened, Priority.P2),
            new SlaClockEvent.ResponseMet(2, Opened.AddMinutes(15)),
            new SlaClockEvent.Paused(3, Opened.AddHours(1), PauseReason.Requester));

        Assert.Equal(SlaTargetState.Paused, clock.Resolution.State);
        Assert.Equal(expected, NextStep.Words(Ticket(TicketStatus.WaitingOnRequester), clock, lang, now, Brussels));
    }

    [Theory]
    [InlineData("fr", "Un technicien vous répondra dès que possible : nous avons du retard, veuillez nous en excuser.")]
    [InlineData("en", "A technician will answer you as soon as possible: we are running late, sorry.")]
    public void AFirstResponseDeadlineAlreadyPassed_IsAnApology_NotATimeInThePast(string lang, string expected)
    {
        var now = Opened.AddHours(3); // 2 h allowed
        var clock = Clock(now, new SlaClockEvent.Started(1, Opened, Priority.P2));

        Assert.Equal(SlaTargetState.Breached, clock.FirstResponse.State);
        Assert.Equal(expected, NextStep.Words(Ticket(TicketStatus.New), clock, lang, now, Brussels));
        Assert.Equal(expected, NextStep.Words(Ticket(TicketStatus.New), null, lang, now, Brussels)); // before the clock started: the same rule
    }

    [Fact]
    public void ARunningFirstResponseClock_GivesItsDeadline_AndBeforeTheClockStartsTheTicketsDueTimeIsTheSame()
    {
        var now = Opened.AddMinutes(30);
        var clock = Clock(now, new SlaClockEvent.Started(1, Opened, Priority.P2));
        var ticket = Ticket(TicketStatus.New);

        Assert.Equal("Un technicien vous répondra au plus tard aujourd'hui à 12:00.", NextStep.Words(ticket, clock, "fr", now, Brussels));
        Assert.Equal(NextStep.Words(ticket, clock, "fr", now, Brussels), NextStep.Words(ticket, null, "fr", now, Brussels));
    }

    [Fact]
    public void ATicketResumedBeforeItsClockHeardOfIt_PromisesNoTime_RatherThanAWrongOne()
    {
        var now = Opened.AddHours(3);
        var clock = Clock(now,
            new SlaClockEvent.Started(1, Opened, Priority.P2),
            new SlaClockEvent.ResponseMet(2, Opened.AddMinutes(15)),
            new SlaClockEvent.Paused(3, Opened.AddHours(1), PauseReason.Requester));

        Assert.Equal("A technician is working on your request.", NextStep.Words(Ticket(TicketStatus.InProgress), clock, "en", now, Brussels));
    }
}
