using System.Text.Json.Serialization;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Started), "started")]
[JsonDerivedType(typeof(Paused), "paused")]
[JsonDerivedType(typeof(Resumed), "resumed")]
[JsonDerivedType(typeof(LevelChanged), "levelChanged")]
[JsonDerivedType(typeof(PriorityChanged), "priorityChanged")]
[JsonDerivedType(typeof(ResponseMet), "responseMet")]
[JsonDerivedType(typeof(Warned), "warned")]
[JsonDerivedType(typeof(Escalated), "escalated")]
[JsonDerivedType(typeof(Breached), "breached")]
[JsonDerivedType(typeof(Resolved), "resolved")]
[JsonDerivedType(typeof(Reopened), "reopened")]
[JsonDerivedType(typeof(Closed), "closed")]
public abstract record SlaClockEvent(long Sequence, DateTimeOffset At)
{
    public sealed record Started(long Sequence, DateTimeOffset At, Priority Priority, SupportLevel Level = SupportLevel.L1)
        : SlaClockEvent(Sequence, At);

    // Provider names the external party when Reason is Provider; its contract drives the provider clock.
    public sealed record Paused(long Sequence, DateTimeOffset At, PauseReason Reason, string? Provider = null)
        : SlaClockEvent(Sequence, At);

    public sealed record Resumed(long Sequence, DateTimeOffset At) : SlaClockEvent(Sequence, At);

    // A level change not decided by the SLA clock (an agent, a routing rule). SLA escalations are Escalated.
    public sealed record LevelChanged(long Sequence, DateTimeOffset At, SupportLevel From, SupportLevel To, LevelChangeMode Mode)
        : SlaClockEvent(Sequence, At);

    public sealed record PriorityChanged(long Sequence, DateTimeOffset At, Priority From, Priority To)
        : SlaClockEvent(Sequence, At);

    // First response sent or ticket acknowledged: stops the first-response clock.
    public sealed record ResponseMet(long Sequence, DateTimeOffset At) : SlaClockEvent(Sequence, At);

    // Recorded actions (from SlaClock.NextActions). DueAt is when it became due; At is when it was recorded.
    public sealed record Warned(long Sequence, DateTimeOffset At, SlaTarget Target, SupportLevel Level, DateTimeOffset DueAt)
        : SlaClockEvent(Sequence, At);

    // Automatic escalation by the SLA clock; it moves the ticket to To.
    public sealed record Escalated(long Sequence, DateTimeOffset At, SupportLevel From, SupportLevel To, DateTimeOffset DueAt)
        : SlaClockEvent(Sequence, At);

    public sealed record Breached(long Sequence, DateTimeOffset At, SlaTarget Target, DateTimeOffset DueAt)
        : SlaClockEvent(Sequence, At);

    // Stops every clock (a resolution also counts as the first response).
    public sealed record Resolved(long Sequence, DateTimeOffset At) : SlaClockEvent(Sequence, At);

    // Restarts the resolution clock where it stopped; time spent resolved does not count.
    public sealed record Reopened(long Sequence, DateTimeOffset At) : SlaClockEvent(Sequence, At);

    // Final: later state changes are ignored.
    public sealed record Closed(long Sequence, DateTimeOffset At) : SlaClockEvent(Sequence, At);
}
