using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The timer engine that runs one <see cref="SlaOrchestration"/> per ticket. The hosts implement it over their
/// durable client (start-once under <see cref="SlaOrchestration.InstanceId"/>, raise <see cref="SlaOrchestration.ChangedEvent"/>).
/// </summary>
public interface ISlaTimerEngine
{
    /// <summary>Starts the ticket's orchestration; a no-op when one is already running.</summary>
    Task StartAsync(int ticketNumber, CancellationToken ct);

    /// <summary>Tells the running orchestration that the ticket's clock log changed (raises the "ticket-changed" event).</summary>
    Task NotifyChangedAsync(int ticketNumber, CancellationToken ct);

    /// <summary>Ends the ticket's orchestration (terminate) if it runs.</summary>
    Task StopAsync(int ticketNumber, string reason, CancellationToken ct);

    Task<bool> IsRunningAsync(int ticketNumber, CancellationToken ct);
}

/// <summary>Actors written by the SLA engine.</summary>
public static class SlaActors
{
    /// <summary>Actor of automatic escalations; the lifecycle handler skips ticket events with this actor (already in the clock log).</summary>
    public const string System = "sla";
}

/// <summary>One stored entry of a clock log: the event, its dedupe id, and whether its side effects (mail, escalation) are done.</summary>
public sealed record SlaLogEntry(SlaClockEvent Event, string Id, bool EffectsDone);

/// <summary>A ticket's SLA clock log (production: <see cref="SlaClockStore"/> on Table Storage).</summary>
public interface ISlaClockLog
{
    /// <summary>The log in order, with sequence numbers 1..n assigned in that order. Empty when the ticket has no log.</summary>
    Task<IReadOnlyList<SlaLogEntry>> ReadEntriesAsync(int ticketNumber, CancellationToken ct);

    /// <summary>Appends an event under a dedupe id. Returns false, writing nothing, when an event with that id is already there.</summary>
    Task<bool> AppendAsync(int ticketNumber, SlaClockEvent clockEvent, string dedupeId, CancellationToken ct);

    /// <summary>Marks the side effects of an action entry (warning, escalation, breach) as done.</summary>
    Task MarkEffectsDoneAsync(int ticketNumber, SlaLogEntry entry, CancellationToken ct);
}

public static class SlaClockLogExtensions
{
    public static async Task<IReadOnlyList<SlaClockEvent>> ReadAsync(this ISlaClockLog log, int ticketNumber, CancellationToken ct) =>
        [.. (await log.ReadEntriesAsync(ticketNumber, ct)).Select(e => e.Event)];
}

/// <summary>What the SLA engine needs from the ticket feature (production: <see cref="TicketSlaAdapter"/> over TicketService).</summary>
public interface ISlaTickets
{
    Task<Ticket?> GetAsync(int ticketNumber, CancellationToken ct);

    /// <summary>
    /// Escalates the ticket one level automatically (actor <see cref="SlaActors.System"/>) if it is open and still at
    /// <paramref name="from"/>; otherwise changes nothing. Returns the ticket as it is afterwards (null: not found).
    /// </summary>
    Task<Ticket?> EscalateAsync(int ticketNumber, SupportLevel from, string reason, CancellationToken ct);

    /// <summary>Numbers of every open ticket (from the level queues).</summary>
    IAsyncEnumerable<int> OpenTicketNumbersAsync(CancellationToken ct);

    /// <summary>Numbers of tickets resolved or closed (last changed) since <paramref name="since"/>.</summary>
    IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, CancellationToken ct);
}

public enum SlaNoticeKind
{
    Warned,
    Escalated,
    Breached,
}

/// <summary>
/// A notification to a level's group (and, for breaches, the managers). <see cref="Id"/> and <see cref="At"/> are
/// deterministic (from the clock log entry), so a repeated notice is sent once.
/// </summary>
public sealed record SlaNotice(
    int TicketNumber,
    string Id,
    DateTimeOffset At,
    SlaNoticeKind Kind,
    SupportLevel Level,
    Priority Priority,
    string Subject,
    SlaTarget? Target = null,
    DateTimeOffset? DueAt = null,
    SupportLevel? From = null);

/// <summary>Sends (or defers to working hours) the SLA notifications. Idempotent per <see cref="SlaNotice.Id"/>.</summary>
public interface ISlaNotifier
{
    Task NotifyAsync(SlaNotice notice, CancellationToken ct);
}
