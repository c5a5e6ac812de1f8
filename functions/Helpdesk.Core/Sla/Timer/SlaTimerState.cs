
namespace Helpdesk.Core.Sla;

/// <summary>Input of <see cref="SlaOrchestration.RunAsync"/>. <paramref name="Turns"/> counts turns over all generations (ContinueAsNew).</summary>
/// <param name="FirstLook">
/// When the ticket's first deadline falls, known to whoever starts the timer on creation: the orchestration then waits
/// for it (or a change) before its first turn, instead of spending a turn to learn that nothing is due yet. Null: the
/// first turn evaluates at once (a reopened ticket, the reconciler, instances started before this field existed).
/// </param>
public sealed record SlaTimerState(int TicketNumber, int Turns = 0, int Generation = 0, DateTimeOffset? FirstLook = null);
