
namespace Helpdesk.Core.Sla;

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
