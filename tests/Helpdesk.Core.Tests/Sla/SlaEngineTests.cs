using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using E = Helpdesk.Core.Sla.SlaClockEvent;

namespace Helpdesk.Core.Tests.Sla;

// The lifecycle handler, the evaluate activity's idempotency, the next-deadline activity, the reconciler and the
// SLA deadlines, over in-memory fakes of the engine's own ports. A P2 ticket opened Monday 1 March 2027 09:00 Brussels.
public class SlaEngineTests
{
    private const int Number = 1001;
    private static readonly SlaCalendars Calendars = new(BusinessCalendar.FromOptions(new BusinessCalendarOptions()));
    private static readonly DateTimeOffset Opened = Brussels.At(2027, 3, 1, 9);

    private readonly FakeTimeProvider _time = new(Opened);
    private readonly InMemoryClockLog _log = new();
    private readonly FakeTickets _tickets = new();
    private readonly FakeNotifier _notifier = new();
    private readonly RecordingEngine _engine = new();

    public SlaEngineTests()
    {
        _tickets.Time = _time;
        _notifier.Time = _time;
        _tickets.Add(Number, Priority.P2, Opened);
    }

    private SlaTicketEventHandler Handler => new(_log, _engine, NullLogger<SlaTicketEventHandler>.Instance, NextDeadline);

    private SlaEvaluation Evaluate => new(_log, _tickets, _notifier, SlaPolicy.Default, Calendars, _time, NullLogger<SlaEvaluation>.Instance);

    private SlaNextDeadlinePlanner NextDeadline => new(_log, SlaPolicy.Default, Calendars, _time);

    private Task CreatedAsync() => Handler.HandleAsync(Core.Intake.TicketIntake.CreatedEvent(_tickets[Number]), false, default);

    private async Task ActAsync(TicketCommand command, TimeSpan after)
    {
        _time.Advance(after);
        await Handler.HandleAsync(_tickets.Apply(Number, command), false, default);
    }

    [Fact]
    public async Task Handler_MapsLifecycleToClockEvents_AndStartsThenNotifies()
    {
        await CreatedAsync();
        await ActAsync(new Acknowledge("alice"), TimeSpan.FromMinutes(10));
        await ActAsync(new Wait("alice", WaitingOn.Provider, "isp", null), TimeSpan.FromMinutes(10));
        await ActAsync(new Resume("alice"), TimeSpan.FromMinutes(10));
        await ActAsync(new Comment("alice", "note", Visibility.Internal), TimeSpan.FromMinutes(1));
        await ActAsync(new Escalate("alice", "needs admin rights"), TimeSpan.FromMinutes(10));
        await ActAsync(new Reprioritize("alice", Priority.P1), TimeSpan.FromMinutes(10));
        await ActAsync(new Resolve("bob", "Router replaced."), TimeSpan.FromMinutes(10));
        await ActAsync(new Reopen("marie"), TimeSpan.FromMinutes(10));
        await ActAsync(new Resolve("bob", "Really replaced."), TimeSpan.FromMinutes(10));
        await ActAsync(new Close("bob"), TimeSpan.FromMinutes(10));

        var events = _log.Entries(Number).Select(e => e.Event with { Sequence = 0, At = default }).ToList();
        E[] expected =
        [
            new E.Started(0, default, Priority.P2, SupportLevel.L1),
            new E.ResponseMet(0, default),
            new E.Paused(0, default, PauseReason.Provider, "isp"),
            new E.Resumed(0, default),
            new E.LevelChanged(0, default, SupportLevel.L1, SupportLevel.L2, LevelChangeMode.Manual),
            new E.PriorityChanged(0, default, Priority.P2, Priority.P1),
            new E.Resolved(0, default),
            new E.Reopened(0, default),
            new E.Resolved(0, default),
            new E.Closed(0, default),
        ];
        Assert.Equal(expected, events);
        Assert.Equal(Opened, _log.Entries(Number)[0].Event.At);
        Assert.Equal("start 1001", _engine.Calls.First());
        Assert.Equal(2, _engine.Calls.Count(c => c == "start 1001")); // created and reopened
        Assert.Equal(expected.Length - 1, _engine.Calls.Count(c => c == "changed 1001")); // comment: nothing
    }

    [Fact]
    public async Task Handler_RedeliveredEvent_IsRecordedOnce_AutomaticEscalationIsSkipped()
    {
        var created = Core.Intake.TicketIntake.CreatedEvent(_tickets[Number]);
        await Handler.HandleAsync(created, false, default);
        await Handler.HandleAsync(created, true, default);
        _time.Advance(TimeSpan.FromHours(1));
        var auto = _tickets.Apply(Number, new Escalate(SlaActors.System, "budget used", Automatic: true));
        await Handler.HandleAsync(auto, false, default);

        Assert.Single(_log.Entries(Number));
        Assert.Equal(["start 1001", "start 1001"], _engine.Calls);
    }

    [Fact]
    public async Task Evaluate_NothingBeforeDue_ThenEachActionOnce_EvenWhenRunTwice()
    {
        await CreatedAsync();
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13).AddTicks(-1));
        var early = await Evaluate.RunAsync(Number);
        Assert.Equal(["warn-FirstResponse", "breach-FirstResponse"], early.Recorded);

        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13));
        var first = await Evaluate.RunAsync(Number);
        var second = await Evaluate.RunAsync(Number);

        Assert.Equal(["esc-L1-L2"], first.Recorded);
        Assert.Equal(["esc-L1-L2"], first.EffectsDone);
        Assert.Empty(second.Recorded);
        Assert.Empty(second.EffectsDone);
        Assert.Single(_tickets.Escalations);
        Assert.Equal(SupportLevel.L2, _tickets[Number].Level);
        // Actions recorded by one evaluation share its instant; among themselves the log orders them by id.
        Assert.Equal(["sla-breach-FirstResponse", "sla-warn-FirstResponse", "sla-esc-L1-L2"], _notifier.Ids(Number));
        Assert.All(_log.Entries(Number), e => Assert.True(e.EffectsDone || !SlaEvaluation.IsAction(e.Event)));
        Assert.All(_log.Actions<E.Escalated>(Number), e => Assert.True(e.At >= e.DueAt));
    }

    [Fact]
    public async Task Evaluate_HandsOverTheLogExactlyAsStored_SoTheStepNeedNotReadItAgain()
    {
        await CreatedAsync();
        DateTimeOffset[] instants =
        [
            Brussels.At(2027, 3, 1, 9, 10), // nothing due
            Brussels.At(2027, 3, 1, 13, 30), // warning and breach of the first response, L1 -> L2: three in one evaluation
            Brussels.At(2027, 3, 5, 9), // resolution warning, L2 -> L3, resolution breach
            Brussels.At(2027, 3, 5, 10), // nothing more
        ];
        var recorded = new List<string>();
        foreach (var at in instants)
        {
            _time.SetUtcNow(at);
            var (result, handedOver) = await Evaluate.EvaluateAsync(Number, default);
            recorded.Add(string.Join(" ", result.Recorded));
            Assert.Equal(_log.Entries(Number), handedOver);
        }

        Assert.Equal(["", "warn-FirstResponse breach-FirstResponse esc-L1-L2", "warn-Resolution esc-L2-L3 breach-Resolution", ""], recorded);
        Assert.Equal(SupportLevel.L3, _tickets[Number].Level);
    }

    [Fact]
    public async Task Evaluate_SkipsTheSentCheckOnlyForActionsItRecordedItself()
    {
        await CreatedAsync();
        await ActAsync(new Acknowledge("alice"), TimeSpan.FromMinutes(5));
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13, 5));
        _notifier.FailNext = new IOException("smtp down");
        await Assert.ThrowsAsync<IOException>(() => Evaluate.RunAsync(Number));

        // The retry finds the escalation recorded by the failed run: it must check whether its mail went out.
        await Evaluate.RunAsync(Number);
        _time.SetUtcNow(Brussels.At(2027, 3, 2, 9));
        await Evaluate.RunAsync(Number);

        var sent = _notifier.Sent.Select(s => s.Notice).ToList();
        Assert.False(Assert.Single(sent, n => n.Id == "sla-esc-L1-L2").NeverSent);
        Assert.All(sent.Where(n => n.Id != "sla-esc-L1-L2"), n => Assert.True(n.NeverSent, n.Id));
        Assert.Contains(sent, n => n.Id == "sla-esc-L2-L3");
    }

    [Fact]
    public async Task Evaluate_EscalatesFromTheTicketTheTurnRead_WithoutReadingItAgain()
    {
        await CreatedAsync();

        _time.SetUtcNow(Brussels.At(2027, 3, 2, 9));
        var first = await Evaluate.RunAsync(Number);
        _time.SetUtcNow(Brussels.At(2027, 3, 3, 9));
        var second = await Evaluate.RunAsync(Number);

        Assert.Contains("esc-L1-L2", first.EffectsDone);
        Assert.Contains("esc-L2-L3", second.EffectsDone);
        Assert.Equal(SupportLevel.L3, _tickets[Number].Level);
        // Each escalation started from the ticket its turn had read (TicketService re-reads only if it changed since).
        Assert.Equal([true, true], _tickets.EscalationsCarryingTheTicket);
    }

    [Fact]
    public async Task Evaluate_TwoEscalationsInOneTurn_TheSecondDoesNotStartFromTheCopyTheFirstChanged()
    {
        await CreatedAsync();
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13, 5));
        _tickets.FailNextEscalation = new IOException("storage down");
        await Assert.ThrowsAsync<IOException>(() => Evaluate.RunAsync(Number));

        // Recorded but not carried out, and the engine only comes back a day later: L2→L3 is due as well.
        _time.SetUtcNow(Brussels.At(2027, 3, 3, 9));
        var retry = await Evaluate.RunAsync(Number);

        Assert.Contains("esc-L1-L2", retry.EffectsDone);
        Assert.Contains("esc-L2-L3", retry.EffectsDone);
        Assert.Equal(SupportLevel.L3, _tickets[Number].Level);
        // The failed attempt and the retry's first escalation start from the turn's read; the second must not start
        // from a copy whose ETag the first escalation has just made stale.
        Assert.Equal([true, true, false], _tickets.EscalationsCarryingTheTicket);
    }

    [Fact]
    public async Task Evaluate_CrashAfterAppendBeforeEscalation_NextRunEscalatesOnce()
    {
        await CreatedAsync();
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13, 5));
        _tickets.FailNextEscalation = new IOException("storage down");

        await Assert.ThrowsAsync<IOException>(() => Evaluate.RunAsync(Number));
        Assert.Single(_log.Actions<E.Escalated>(Number));
        Assert.Empty(_tickets.Escalations);

        var next = await NextDeadline.RunAsync(Number);
        Assert.Equal(_time.GetUtcNow(), next.Deadline); // pending side effects: evaluate at once

        _time.Advance(TimeSpan.FromSeconds(2)); // the activity retry
        var retry = await Evaluate.RunAsync(Number);
        await Evaluate.RunAsync(Number);

        Assert.Empty(retry.Recorded);
        Assert.Contains("esc-L1-L2", retry.EffectsDone);
        Assert.Single(_tickets.Escalations);
        Assert.Single(_log.Actions<E.Escalated>(Number));
        Assert.Single(_notifier.Ids(Number), "sla-esc-L1-L2");
    }

    [Fact]
    public async Task Evaluate_CrashAfterEscalationBeforeMail_NextRunMailsWithoutEscalatingAgain()
    {
        await CreatedAsync();
        await ActAsync(new Acknowledge("alice"), TimeSpan.FromMinutes(5));
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13, 5));
        _notifier.FailNext = new IOException("smtp down");

        await Assert.ThrowsAsync<IOException>(() => Evaluate.RunAsync(Number));
        Assert.Equal(SupportLevel.L2, _tickets[Number].Level);

        await Evaluate.RunAsync(Number);
        await Evaluate.RunAsync(Number);

        Assert.Single(_tickets.Escalations);
        Assert.Equal(["sla-esc-L1-L2"], _notifier.Ids(Number));
    }

    [Fact]
    public async Task Evaluate_CrashBetweenAppendAndMarkDone_AfterManualEscalationPastTarget_DoesNotSkipALevel()
    {
        await CreatedAsync();
        _time.SetUtcNow(Brussels.At(2027, 3, 1, 13, 5));
        _log.FailAfterAppend = e => e is E.Escalated;
        await Assert.ThrowsAsync<IOException>(() => Evaluate.RunAsync(Number));

        // Meanwhile a technician escalates by hand (L1 -> L2): the recorded L1 -> L2 escalation must not raise L2 -> L3.
        _tickets.Apply(Number, new Escalate("alice", "by hand"));
        await Evaluate.RunAsync(Number);

        Assert.Empty(_tickets.Escalations);
        Assert.Equal(SupportLevel.L2, _tickets[Number].Level);
    }

    [Fact]
    public async Task NextDeadline_PausedHasNoDeadline_ResolvedIsDone_NoLogIsDone()
    {
        Assert.Equal(new SlaNextDeadline(Number, true, null, "not-found"), await NextDeadline.RunAsync(Number));

        await CreatedAsync();
        Assert.Equal(Brussels.At(2027, 3, 1, 10, 30), (await NextDeadline.RunAsync(Number)).Deadline);

        await ActAsync(new Acknowledge("alice"), TimeSpan.FromMinutes(5));
        await ActAsync(new Wait("alice", WaitingOn.Requester, null, null), TimeSpan.FromMinutes(5));
        Assert.Equal(new SlaNextDeadline(Number, false, null), await NextDeadline.RunAsync(Number));

        await ActAsync(new Resolve("alice", "done"), TimeSpan.FromMinutes(5));
        Assert.Equal(new SlaNextDeadline(Number, true, null, "resolved"), await NextDeadline.RunAsync(Number));
    }

    [Fact]
    public async Task Reconciler_StartsMissingTimers_RecreatesLogs_StopsTimersOfResolvedTickets()
    {
        await CreatedAsync();
        _engine.Running.Clear();
        _tickets.Add(1002, Priority.P3, Opened); // open, no log, no timer
        _tickets.Apply(1002, new Acknowledge("alice"));
        _tickets.Add(1003, Priority.P3, Opened, TicketStatus.Resolved); // resolved, timer still running
        _engine.Running.Add(1003);
        var reconciler = new SlaReconciler(_tickets, _log, _engine, _time, NullLogger<SlaReconciler>.Instance);

        var report = await reconciler.RunAsync(default);
        var again = await reconciler.RunAsync(default);

        Assert.Equal(new SlaReconcileReport(2, 2, 1, 1), report);
        Assert.Equal(new SlaReconcileReport(2, 0, 0, 0), again);
        Assert.Equal([1001, 1002], _engine.Running.Order());
        Assert.Equal([typeof(E.Started), typeof(E.ResponseMet)], _log.Entries(1002).Select(e => e.Event.GetType()));
    }

    [Fact]
    public void SlaDeadlines_FirstResponseWhileNew_ThenResolution_InBusinessTime()
    {
        var deadlines = new SlaDeadlines(SlaPolicy.Default, Calendars);
        var friday = _tickets.Add(2000, Priority.P2, Brussels.At(2027, 3, 5, 17)); // 30 min left on Friday

        Assert.Equal(Brussels.At(2027, 3, 8, 10), deadlines.NextDue(friday));
        Assert.Equal(Brussels.At(2027, 3, 8, 16), deadlines.NextDue(friday with { Status = TicketStatus.InProgress, AcknowledgedAt = friday.CreatedAt }));
        Assert.Null(deadlines.NextDue(friday with { Status = TicketStatus.Resolved }));
    }

    [Fact]
    public void Notifier_DefersOutsideWorkingHoursExceptP1_AndComposesGroupMail()
    {
        var saturday = Brussels.At(2027, 3, 6, 10);
        Assert.Equal(Brussels.At(2027, 3, 8, 8, 30), SlaNotifier.DeliveryTime(Priority.P2, saturday, Calendars.Business));
        Assert.Equal(saturday, SlaNotifier.DeliveryTime(Priority.P1, saturday, Calendars.Business));
        Assert.Equal(Opened, SlaNotifier.DeliveryTime(Priority.P4, Opened, Calendars.Business));

        var notice = new SlaNotice(Number, "sla-breach-Resolution", Opened, SlaNoticeKind.Breached, SupportLevel.L2, Priority.P2, "Plus d'internet",
            SlaTarget.Resolution, Opened);
        var mail = SlaNotifier.Compose(notice, new SlaNotificationOptions(), new HelpdeskOptions(), SlaNotifier.TimeZoneOf(new BusinessCalendarOptions()), Opened);

        Assert.Equal(["l2@helpdesk.localhost", "managers@helpdesk.localhost"], mail.Email.To.Select(a => a.Address));
        Assert.Equal("[#1001] Délai de résolution dépassé (P2, L2) : Plus d'internet", mail.Email.Subject);
        Assert.Contains("2027-03-01 09:00", mail.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("breached its resolution deadline", mail.Email.TextBody, StringComparison.Ordinal);
        Assert.Equal("<ticket-1001-sla-breach-Resolution@helpdesk.localhost>", mail.Email.MessageId);
        Assert.Equal((Opened, "sla-breach-Resolution"), (mail.At, mail.EntryId));
        Assert.Equal(SlaActors.System, mail.Entry.Actor);
    }

    [Fact]
    public void Texts_EveryFrenchKeyHasEnglish() =>
        Assert.All(Localization.Texts.Keys, k => Assert.NotEmpty(Localization.Texts.Get(Localization.Language.English, k)));

    [Fact]
    public void ClockEvents_RoundTripThroughStoredJson()
    {
        E original = new E.Paused(3, Opened, PauseReason.Provider, "isp");
        var json = System.Text.Json.JsonSerializer.Serialize(original with { Sequence = 0 }, HelpdeskJson.Options);
        Assert.Equal(original with { Sequence = 0 }, System.Text.Json.JsonSerializer.Deserialize<E>(json, HelpdeskJson.Options));
        Assert.Equal("sla-0000001001", SlaOrchestration.InstanceId(Number));
        Assert.Equal("0000000000000000042-esc-L1-L2", SlaClockStore.RowKey(new DateTimeOffset(42, TimeSpan.Zero), "esc-L1-L2"));
        
    }
}
