namespace Helpdesk.Core.Tickets;

public sealed record Wait(string Actor, WaitingOn On, string? Provider, string? Text) : TicketCommand(Actor);
