namespace Helpdesk.Core.Tickets;

public sealed record Resume(string Actor, string? Text = null) : TicketCommand(Actor);
