using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Sla;

// In-memory implementations of the SLA engine's own ports (not of Azure): same dedupe and ordering rules as SlaClockStore.
internal sealed class InMemoryClockLog : ISlaClockLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, SortedDictionary<string, SlaLogEntry>> _logs = [];
    private readonly Dictionary<int, HashSet<string>> _ids = [];

    public Func<SlaClockEvent, bool>? FailAfterAppend { get; set; }

    public Task<IReadOnlyList<SlaLogEntry>> ReadEntriesAsync(int ticketNumber, CancellationToken ct)
    {
        lock (_gate)
        {
            var rows = _logs.TryGetValue(ticketNumber, out var log) ? log.Values.ToList() : [];
            return Task.FromResult<IReadOnlyList<SlaLogEntry>>([.. rows.Select((e, i) => e with { Event = e.Event with { Sequence = i + 1 } })]);
        }
    }

    public Task<bool> AppendAsync(int ticketNumber, SlaClockEvent clockEvent, string dedupeId, CancellationToken ct)
    {
        lock (_gate)
        {
            var ids = _ids.TryGetValue(ticketNumber, out var existing) ? existing : _ids[ticketNumber] = [];
            if (!ids.Add(dedupeId))
            {
                return Task.FromResult(false);
            }

            var log = _logs.TryGetValue(ticketNumber, out var l) ? l : _logs[ticketNumber] = new(StringComparer.Ordinal);
            log[SlaClockStore.RowKey(clockEvent.At, dedupeId)] = new SlaLogEntry(clockEvent with { Sequence = 0 }, dedupeId, false);
        }

        if (FailAfterAppend?.Invoke(clockEvent) == true)
        {
            FailAfterAppend = null;
            throw new IOException("Simulated crash after the append.");
        }

        return Task.FromResult(true);
    }

    public Task MarkEffectsDoneAsync(int ticketNumber, SlaLogEntry entry, CancellationToken ct)
    {
        lock (_gate)
        {
            var key = SlaClockStore.RowKey(entry.Event.At, entry.Id);
            if (_logs.TryGetValue(ticketNumber, out var log) && log.TryGetValue(key, out var stored))
            {
                log[key] = stored with { EffectsDone = true };
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<SlaLogEntry> Entries(int number) => ReadEntriesAsync(number, default).Result;

    public IReadOnlyList<T> Actions<T>(int number) where T : SlaClockEvent => [.. Entries(number).Select(e => e.Event).OfType<T>()];
}

internal sealed class FakeTickets : ISlaTickets
{
    private readonly ConcurrentDictionary<int, Ticket> _tickets = new();

    public ConcurrentQueue<(int Number, SupportLevel From, SupportLevel To, DateTimeOffset At)> Escalations { get; } = new();

    public Exception? FailNextEscalation { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public Ticket this[int number] => _tickets[number];

    public Ticket Add(int number, Priority priority, DateTimeOffset createdAt, TicketStatus status = TicketStatus.New)
    {
        var ticket = new Ticket
        {
            Number = number,
            Status = status,
            Priority = priority,
            Level = SupportLevel.L1,
            Category = Category.Network,
            Impact = Impact.Team,
            CanWork = CanWork.Partly,
            Requester = new Requester("Marie Dubois", "marie@example.be", null, "fr"),
            Subject = "Plus d'internet",
            Description = "Le routeur clignote.",
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        _tickets[number] = ticket;
        return ticket;
    }

    // Applies a technician's command like TicketService does, and returns the event it would publish.
    public TicketEvent Apply(int number, TicketCommand command)
    {
        var change = TicketWorkflow.Apply(_tickets[number], command, Time.GetUtcNow());
        _tickets[number] = change.After;
        return TicketService.EventOf(change, Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>For each escalation asked for, whether the caller handed over the ticket it had read (no second read).</summary>
    public ConcurrentQueue<bool> EscalationsCarryingTheTicket { get; } = new();

    // The ETag stands for the ticket's state here (in memory; TicketService's handling of it is tested on Azurite).
    public Task<StoredTicket?> GetAsync(int ticketNumber, CancellationToken ct) =>
        Task.FromResult(_tickets.GetValueOrDefault(ticketNumber) is { } t ? new StoredTicket(t, new ETag($"W/\"{t.GetHashCode()}\"")) : null);

    public Task<Ticket?> EscalateAsync(int ticketNumber, StoredTicket? asRead, SupportLevel from, string reason, CancellationToken ct)
    {
        EscalationsCarryingTheTicket.Enqueue(asRead is not null);
        if (FailNextEscalation is { } failure)
        {
            FailNextEscalation = null;
            throw failure;
        }

        var before = _tickets[ticketNumber];
        try
        {
            Apply(ticketNumber, new Escalate(SlaActors.System, reason, Automatic: true, From: from));
            Escalations.Enqueue((ticketNumber, before.Level, _tickets[ticketNumber].Level, Time.GetUtcNow()));
        }
        catch (InvalidTransitionException)
        {
        }

        return Task.FromResult<Ticket?>(_tickets[ticketNumber]);
    }

    public async IAsyncEnumerable<int> OpenTicketNumbersAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var t in _tickets.Values.Where(t => t.Status.IsOpen()).OrderBy(t => t.Number))
        {
            yield return t.Number;
        }
    }

    public async IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var t in _tickets.Values.Where(t => !t.Status.IsOpen() && t.UpdatedAt >= since).OrderBy(t => t.Number))
        {
            yield return t.Number;
        }
    }
}

// Sends once per notice id, like SlaMailer with its timeline line.
internal sealed class FakeNotifier : ISlaNotifier
{
    private readonly ConcurrentDictionary<string, SlaNotice> _sent = new();

    public ConcurrentQueue<(SlaNotice Notice, DateTimeOffset SentAt)> Sent { get; } = new();

    public Exception? FailNext { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public Task NotifyAsync(SlaNotice notice, CancellationToken ct)
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        if (_sent.TryAdd($"{notice.TicketNumber}/{notice.Id}", notice))
        {
            Sent.Enqueue((notice, Time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Ids(int number) => [.. Sent.Where(s => s.Notice.TicketNumber == number).Select(s => s.Notice.Id)];
}

internal sealed class RecordingEngine : ISlaTimerEngine
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public HashSet<int> Running { get; } = [];

    public Task StartAsync(int ticketNumber, CancellationToken ct)
    {
        Calls.Enqueue($"start {ticketNumber}");
        Running.Add(ticketNumber);
        return Task.CompletedTask;
    }

    public Task NotifyChangedAsync(int ticketNumber, CancellationToken ct)
    {
        Calls.Enqueue($"changed {ticketNumber}");
        return Task.CompletedTask;
    }

    public Task StopAsync(int ticketNumber, string reason, CancellationToken ct)
    {
        Calls.Enqueue($"stop {ticketNumber}");
        Running.Remove(ticketNumber);
        return Task.CompletedTask;
    }

    public Task<bool> IsRunningAsync(int ticketNumber, CancellationToken ct) => Task.FromResult(Running.Contains(ticketNumber));
}
