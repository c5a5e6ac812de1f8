namespace Helpdesk.Core.Tickets;

public sealed record Close(string Actor, string? Text = null) : TicketCommand(Actor);
