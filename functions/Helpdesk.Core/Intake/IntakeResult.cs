using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>The outcome of turning a submission into a ticket.</summary>
public abstract record IntakeResult
{
    /// <summary>A new ticket.</summary>
    public sealed record Created(Ticket Ticket) : IntakeResult;

    /// <summary>The same request was made before with this idempotency key: its ticket, not a second one.</summary>
    public sealed record Replayed(Ticket Ticket) : IntakeResult;

    /// <summary>The idempotency key was used before for a different request (HTTP 422).</summary>
    public sealed record KeyReused(int Number) : IntakeResult;
}
