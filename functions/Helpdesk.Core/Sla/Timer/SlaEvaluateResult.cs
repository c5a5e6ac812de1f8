
namespace Helpdesk.Core.Sla;

/// <summary>The dedupe ids of the actions recorded and of the entries whose side effects were completed by this evaluation.</summary>
public sealed record SlaEvaluateResult(int TicketNumber, IReadOnlyList<string> Recorded, IReadOnlyList<string> EffectsDone);
