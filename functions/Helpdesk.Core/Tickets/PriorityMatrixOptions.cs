
namespace Helpdesk.Core.Tickets;

/// <summary>
/// ITIL impact × urgency matrix. Urgency comes from "can you still do other work?": no → high, partly → medium,
/// yes → low. Each cell is configurable under <c>Helpdesk:Priority:Matrix:{impact}:{canWork}</c>, e.g.
/// <c>Helpdesk__Priority__Matrix__team__partly=P2</c>.
/// </summary>
public sealed class PriorityMatrixOptions
{
    public const string Section = "Helpdesk:Priority";

    /// <summary>impact (wire name) → canWork (wire name) → priority ("P1".."P4").</summary>
    public Dictionary<string, Dictionary<string, string>> Matrix { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
