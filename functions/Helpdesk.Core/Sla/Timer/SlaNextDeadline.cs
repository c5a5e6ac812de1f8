
namespace Helpdesk.Core.Sla;

/// <summary>Done: nothing more to wait for (Reason says why). Otherwise Deadline is when to evaluate next; null: wait for a change only (clock paused).</summary>
public sealed record SlaNextDeadline(int TicketNumber, bool Done, DateTimeOffset? Deadline, string? Reason = null);
