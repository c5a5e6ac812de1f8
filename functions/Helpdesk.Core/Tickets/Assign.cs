namespace Helpdesk.Core.Tickets;

public sealed record Assign(string Actor, string Assignee) : TicketCommand(Actor);
