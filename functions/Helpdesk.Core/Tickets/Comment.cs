namespace Helpdesk.Core.Tickets;

public sealed record Comment(string Actor, string Text, Visibility Visibility) : TicketCommand(Actor);
