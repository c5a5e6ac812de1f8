namespace Helpdesk.Core.Tickets;

/// <summary>
/// Puts an open ticket on hold. <paramref name="Question"/> (waiting on the requester only) is what the technician asks:
/// the line is then public and the question is mailed to the requester.
/// </summary>
public sealed record Wait(string Actor, WaitingOn On, string? Provider, string? Text, string? Question = null) : TicketCommand(Actor);
