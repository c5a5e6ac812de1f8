namespace Helpdesk.Core.Tickets;

/// <summary>Changes the priority of an open ticket (the SLA clock then counts against the new targets).</summary>
public sealed record Reprioritize(string Actor, Priority Priority, string? Reason = null) : TicketCommand(Actor);
