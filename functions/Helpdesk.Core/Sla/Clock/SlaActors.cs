
namespace Helpdesk.Core.Sla;

/// <summary>Actors written by the SLA engine.</summary>
public static class SlaActors
{
    /// <summary>Actor of automatic escalations; the lifecycle handler skips ticket events with this actor (already in the clock log).</summary>
    public const string System = "sla";
}
