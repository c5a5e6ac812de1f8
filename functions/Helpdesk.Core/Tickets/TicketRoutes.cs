namespace Helpdesk.Core.Tickets;

/// <summary>The technicians' routes; never anonymous. Both hosts bind these names and the parity test compares them.</summary>
public static class TicketRoutes
{
    public const string Ticket = "tickets/{number:int}";
    public const string TicketAction = "tickets/{number:int}/{action:alpha}";
    public const string LevelQueue = "queues/{level}";
}
