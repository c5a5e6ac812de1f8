using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using E = Helpdesk.Core.Sla.SlaClockEvent;

namespace Helpdesk.Core.Tests.Sla;

// The SLA orchestration on the in-process Durable Task test host, with the real activities over in-memory fakes of the
// engine's own ports, the real lifecycle handler, the real clock and seconds-long targets (P2, counted 24/7):
// first response 2 s (warning 1.5 s), resolution 6 s (warning 4.5 s), L1 may use 3 s, L2 1.8 s.
public sealed class SlaOrchestrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly SlaPolicy FastPolicy = SlaPolicy.FromOptions(new SlaPolicyOptions
    {
        P2 = new SlaPriorityOptions { FirstResponse = TimeSpan.FromSeconds(2), Resolution = TimeSpan.FromSeconds(6), TwentyFourSeven = true },
        // A roomy first response, for tests where a person must act in time even on a loaded machine.
        P3 = new SlaPriorityOptions { FirstResponse = TimeSpan.FromSeconds(10), Resolution = TimeSpan.FromSeconds(12), TwentyFourSeven = true },
    });

    private static readonly SlaCalendars Calendars = new(BusinessCalendar.FromOptions(new BusinessCalendarOptions()));

    private readonly InMemoryClockLog _log = new();
    private readonly FakeTickets _tickets = new();
    private readonly FakeNotifier _notifier = new();
    private DurableTaskTestHost _host = null!;
    private TestTimerEngine _engine = null!;

    // Lets a test distort the next deadline the step activity reports (to simulate early timers).
    private Func<SlaNextDeadline, SlaNextDeadline> _distort = d => d;

    // When each step activity ran, per ticket.
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int Number, DateTimeOffset At)> _steps = new();
    private SlaNextDeadlinePlanner _planner = null!;

    public async Task InitializeAsync()
    {
        var next = _planner = new SlaNextDeadlinePlanner(_log, FastPolicy, Calendars, TimeProvider.System);
        var evaluate = new SlaEvaluation(_log, _tickets, _notifier, FastPolicy, Calendars, TimeProvider.System, NullLogger<SlaEvaluation>.Instance);
        _host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<SlaTimerState, SlaTimerResult>(SlaOrchestration.Name, async (context, input) => await SlaOrchestration.RunAsync(context, input!));
            registry.AddActivityFunc<SlaStepInput, SlaStepResult>(SlaOrchestration.StepActivity, async (_, input) =>
            {
                _steps.Enqueue((input!.TicketNumber, DateTimeOffset.UtcNow));
                var step = await new SlaStepActivity(evaluate, next).RunAsync(input!);
                return step with { Next = _distort(step.Next) };
            });
        });
        _engine = new TestTimerEngine(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SlaTicketEventHandler Handler => new(_log, _engine, NullLogger<SlaTicketEventHandler>.Instance, _planner);

    private async Task<DateTimeOffset> OpenAsync(int number, Priority priority = Priority.P2)
    {
        var ticket = _tickets.Add(number, priority, DateTimeOffset.UtcNow);
        await Handler.HandleAsync(Core.Intake.TicketIntake.CreatedEvent(ticket), false, default);
        return ticket.CreatedAt;
    }

    private async Task<TicketEvent> ActAsync(int number, TicketCommand command)
    {
        var e = _tickets.Apply(number, command);
        await Handler.HandleAsync(e, false, default);
        return e;
    }

    private static Task Until(Func<bool> condition, string what) =>
        Poll.UntilAsync(() => Task.FromResult(condition()), Patience, what, TimeSpan.FromMilliseconds(25));

    private async Task<OrchestrationMetadata> CompletionAsync(int number)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _host.Client.WaitForInstanceCompletionAsync(SlaOrchestration.InstanceId(number), getInputsAndOutputs: true, timeout.Token);
    }

    private void AssertNoActionBeforeDue(int number)
    {
        foreach (var e in _log.Entries(number).Select(x => x.Event))
        {
            var due = e switch { E.Warned w => w.DueAt, E.Escalated x => x.DueAt, E.Breached b => b.DueAt, _ => (DateTimeOffset?)null };
            Assert.True(due is null || e.At >= due, $"{e} recorded before its due time.");
        }

        Assert.All(_tickets.Escalations.Where(x => x.Number == number), x => Assert.True(
            x.At >= _log.Actions<E.Escalated>(number).Single(e => e.From == x.From).DueAt, "Escalated before due."));
    }

    [Fact]
    public async Task NobodyActs_WarnsThenEscalatesL1L2L3_InDueOrder_NeverEarly_ThenResolveEnds()
    {
        var opened = await OpenAsync(1);

        await Until(() => _log.Actions<E.Breached>(1).Any(b => b.Target == SlaTarget.Resolution), "the resolution breach");

        // Each action once, due when the policy says: one evaluation may record several actions (a padded timer fires
        // up to ~1 s after a due time, by which time the next one may be due too); they then share its instant.
        var actions = _log.Entries(1).Select(e => e.Event).Where(SlaEvaluation.IsAction).ToDictionary(SlaEvaluation.ActionId, e => e);
        // L2's share counts from the recorded escalation (its instant is when the evaluation ran, just after 3 s). So
        // when the machine is slow and L1 -> L2 is recorded more than 1.2 s late, L2 -> L3 falls due after the
        // resolution breach: the due times are asserted, not a fixed order.
        var l1ToL2At = actions["esc-L1-L2"].At;
        Assert.Equal(
            new Dictionary<string, DateTimeOffset>
            {
                ["warn-FirstResponse"] = opened.AddSeconds(1.5),
                ["breach-FirstResponse"] = opened.AddSeconds(2),
                ["esc-L1-L2"] = opened.AddSeconds(3),
                ["warn-Resolution"] = opened.AddSeconds(4.5),
                ["esc-L2-L3"] = l1ToL2At.AddSeconds(1.8),
                ["breach-Resolution"] = opened.AddSeconds(6),
            },
            actions.ToDictionary(a => a.Key, a => DueOf(a.Value)!.Value));
        // In due order: no action recorded before one that fell due earlier (those of one evaluation share its instant).
        var recorded = actions.Values.OrderBy(DueOf).Select(a => a.At).ToList();
        Assert.Equal(recorded.Order(), recorded);
        AssertNoActionBeforeDue(1);
        Assert.Equal([(SupportLevel.L1, SupportLevel.L2), (SupportLevel.L2, SupportLevel.L3)], _tickets.Escalations.Select(x => (x.From, x.To)));
        Assert.Equal(SupportLevel.L3, _tickets[1].Level);
        await Until(() => _notifier.Ids(1).Count == 6, "six notifications");
        Assert.Equal(
            [(SlaNoticeKind.Escalated, SupportLevel.L2), (SlaNoticeKind.Escalated, SupportLevel.L3)],
            _notifier.Sent.Where(s => s.Notice.Kind == SlaNoticeKind.Escalated).Select(s => (s.Notice.Kind, s.Notice.Level)));

        await ActAsync(1, new Resolve("bob", "fixed"));
        var done = await CompletionAsync(1);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("resolved", done.ReadOutputAs<SlaTimerResult>()!.Outcome);
    }

    [Fact]
    public async Task Acknowledge_StopsTheFirstResponseClock()
    {
        await OpenAsync(2, Priority.P3);
        await ActAsync(2, new Acknowledge("alice"));

        await Until(() => _log.Actions<E.Escalated>(2).Count == 1, "the L1 -> L2 escalation");

        Assert.DoesNotContain(_log.Actions<E.Warned>(2), w => w.Target == SlaTarget.FirstResponse);
        Assert.Empty(_log.Actions<E.Breached>(2));
        AssertNoActionBeforeDue(2);
        await ActAsync(2, new Resolve("alice", "done"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompletionAsync(2)).RuntimeStatus);
    }

    [Fact]
    public async Task Waiting_PausesTheClock_ResumeContinues()
    {
        // P3: L1's share is 6 s, room enough to acknowledge and pause before it runs out on a loaded machine.
        var opened = await OpenAsync(3, Priority.P3);
        await ActAsync(3, new Acknowledge("alice"));
        var paused = await ActAsync(3, new Wait("alice", WaitingOn.Requester, null, null));

        // The scenario needs time to pass while paused: longer than L1's whole share.
        await Task.Delay(TimeSpan.FromSeconds(6.5));
        var resumed = await ActAsync(3, new Resume("alice"));
        // Nothing falls due while paused (an action due before the pause, e.g. a first-response breach on a slow
        // machine, may still be recorded during it).
        Assert.DoesNotContain(_log.Entries(3), e => DueOf(e.Event) is { } due && due > paused.At && due <= resumed.At);

        await Until(() => _log.Actions<E.Escalated>(3).Count == 1, "the L1 -> L2 escalation");
        var escalation = _log.Actions<E.Escalated>(3).Single();
        var used = paused.At - opened;
        Assert.Equal(resumed.At + (TimeSpan.FromSeconds(6) - used), escalation.DueAt);
        AssertNoActionBeforeDue(3);
        await ActAsync(3, new Resolve("alice", "done"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompletionAsync(3)).RuntimeStatus);
    }

    [Fact]
    public async Task DuplicateStartsAndEvents_AreHarmless_OneEscalationEach()
    {
        var ticket = _tickets.Add(4, Priority.P2, DateTimeOffset.UtcNow);
        var created = Core.Intake.TicketIntake.CreatedEvent(ticket);
        await Handler.HandleAsync(created, false, default);
        await Handler.HandleAsync(created, true, default);
        await _engine.StartAsync(4, default);
        var ack = _tickets.Apply(4, new Acknowledge("alice"));
        for (var i = 0; i < 3; i++)
        {
            await Handler.HandleAsync(ack, i > 0, default);
            await _engine.NotifyChangedAsync(4, default);
        }

        await Until(() => _log.Actions<E.Breached>(4).Any(b => b.Target == SlaTarget.Resolution), "the resolution breach");

        Assert.Single(_log.Entries(4).Select(e => e.Event).OfType<E.Started>());
        Assert.Single(_log.Entries(4).Select(e => e.Event).OfType<E.ResponseMet>());
        Assert.Equal([(SupportLevel.L1, SupportLevel.L2), (SupportLevel.L2, SupportLevel.L3)], _tickets.Escalations.Select(x => (x.From, x.To)));
        Assert.Equal(["esc-L1-L2", "esc-L2-L3"], _log.Actions<E.Escalated>(4).Select(SlaEvaluation.ActionId));
        Assert.Equal(_notifier.Ids(4).Distinct().Count(), _notifier.Ids(4).Count);
        AssertNoActionBeforeDue(4);
        await ActAsync(4, new Resolve("alice", "done"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompletionAsync(4)).RuntimeStatus);
    }

    [Fact]
    public async Task EarlyTimers_CauseNoEarlyAction()
    {
        // Every deadline is reported 1.2 s early, as a timer on the Azure Storage backend may fire.
        _distort = d => d.Deadline is { } at ? d with { Deadline = at - TimeSpan.FromSeconds(1.2) } : d;
        await OpenAsync(5);

        await Until(() => _log.Actions<E.Escalated>(5).Count == 2, "two escalations");

        AssertNoActionBeforeDue(5);
        Assert.Equal(2, _tickets.Escalations.Count);
        await ActAsync(5, new Resolve("alice", "done"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await CompletionAsync(5)).RuntimeStatus);
    }

    [Fact]
    public async Task Created_TheFirstTurnWaitsForTheFirstDeadline_NoTurnThatFindsNothingDue()
    {
        var opened = await OpenAsync(6);

        await Until(() => _log.Actions<E.Escalated>(6).Count == 2, "two escalations");

        // Six actions at five distinct instants or fewer (a padded timer may cover two): never a turn before the first
        // one (the warning at 1.5 s), and never more turns than deadlines.
        var steps = _steps.Where(s => s.Number == 6).Select(s => s.At).Order().ToList();
        Assert.True(steps[0] >= opened.AddSeconds(1.5), $"The first turn ran {(steps[0] - opened).TotalSeconds:0.000} s after creation, before the first deadline.");
        Assert.InRange(steps.Count(s => s <= _log.Actions<E.Escalated>(6).Max(e => e.At)), 1, 5);
        AssertNoActionBeforeDue(6);
    }

    [Fact]
    public async Task StartedWithoutAFirstDeadline_TheFirstTurnRunsAtOnce()
    {
        // P3 here: its first deadline (the warning) is 7.5 s away, far beyond a loaded machine's start-up delay.
        var opened = DateTimeOffset.UtcNow;
        _tickets.Add(7, Priority.P3, opened);
        await _log.AppendAsync(7, new E.Started(0, opened, Priority.P3, SupportLevel.L1), "created", default);

        await _engine.StartAsync(7, default);

        await Until(() => _steps.Any(s => s.Number == 7), "the first turn");
        Assert.True(_steps.First(s => s.Number == 7).At < opened.AddSeconds(7.5), "The first turn waited although no first deadline was given.");
        await _engine.StopAsync(7, "test over", default);
    }

    // The port over a durable client, as the hosts implement it (start-once, raise event).
    private sealed class TestTimerEngine(DurableTaskClient client) : ISlaTimerEngine
    {
        public Task StartAsync(int ticketNumber, CancellationToken ct) => StartAsync(ticketNumber, null, ct);

        public async Task StartAsync(int ticketNumber, DateTimeOffset? firstLook, CancellationToken ct)
        {
            if (await IsRunningAsync(ticketNumber, ct))
            {
                return;
            }

            await client.ScheduleNewOrchestrationInstanceAsync(SlaOrchestration.Name, new SlaTimerState(ticketNumber, FirstLook: firstLook),
                new StartOrchestrationOptions { InstanceId = SlaOrchestration.InstanceId(ticketNumber) }, ct);
        }

        public Task NotifyChangedAsync(int ticketNumber, CancellationToken ct) =>
            client.RaiseEventAsync(SlaOrchestration.InstanceId(ticketNumber), SlaOrchestration.ChangedEvent, null, ct);

        public Task StopAsync(int ticketNumber, string reason, CancellationToken ct) =>
            client.TerminateInstanceAsync(SlaOrchestration.InstanceId(ticketNumber), reason, ct);

        public async Task<bool> IsRunningAsync(int ticketNumber, CancellationToken ct)
        {
            var instance = await client.GetInstanceAsync(SlaOrchestration.InstanceId(ticketNumber), ct);
            return instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending };
        }
    }

    private static DateTimeOffset? DueOf(SlaClockEvent e) => e switch
    {
        E.Warned w => w.DueAt,
        E.Escalated x => x.DueAt,
        E.Breached b => b.DueAt,
        _ => null,
    };

}
