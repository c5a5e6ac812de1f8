
namespace Helpdesk.Core.Sla;

/// <summary>Input of <see cref="SlaOrchestration.RunAsync"/>. <paramref name="Turns"/> counts turns over all generations (ContinueAsNew).</summary>
public sealed record SlaTimerState(int TicketNumber, int Turns = 0, int Generation = 0);
