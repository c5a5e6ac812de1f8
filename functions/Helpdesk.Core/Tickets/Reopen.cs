namespace Helpdesk.Core.Tickets;

public sealed record Reopen(string Actor, string? Reason = null) : TicketCommand(Actor);
