namespace Helpdesk.Core.Tickets;

/// <summary>Raises the level by one. With <paramref name="From"/>, only if the ticket is still at that level (the SLA clock uses it so that a retried escalation never skips a level).</summary>
public sealed record Escalate(string Actor, string? Reason, bool Automatic = false, SupportLevel? From = null) : TicketCommand(Actor);
