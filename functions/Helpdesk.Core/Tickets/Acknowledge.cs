namespace Helpdesk.Core.Tickets;

public sealed record Acknowledge(string Actor, string? Text = null) : TicketCommand(Actor);
