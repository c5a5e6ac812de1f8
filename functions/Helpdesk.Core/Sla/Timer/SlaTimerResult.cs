
namespace Helpdesk.Core.Sla;

/// <summary>Output when the ticket's clocks have stopped (resolved, closed or not found).</summary>
public sealed record SlaTimerResult(int TicketNumber, string Outcome, int Turns);
