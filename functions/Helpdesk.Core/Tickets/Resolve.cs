namespace Helpdesk.Core.Tickets;

public sealed record Resolve(string Actor, string Resolution) : TicketCommand(Actor);
