namespace Helpdesk.Core.Tickets;

/// <summary>
/// A lifecycle change of a ticket. Carries a snapshot of what handlers usually need (requester, subject, state),
/// so that the acknowledgment mail or the SLA clock need no extra read.
/// </summary>
public sealed record TicketEvent(
    string EventId,
    int Number,
    TicketEventKind Kind,
    DateTimeOffset At,
    string Actor,
    TicketSnapshot Ticket);
