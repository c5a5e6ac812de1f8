namespace Helpdesk.Core.Tickets;

/// <summary>A technician's action on a ticket. Each is one small record; <see cref="TicketWorkflow"/> holds the rules.</summary>
public abstract record TicketCommand(string Actor)
{
    /// <summary>Wire names of the actions, as in <c>POST /api/tickets/{number}/{action}</c>.</summary>
    public static readonly IReadOnlyList<string> ActionNames =
        ["acknowledge", "comment", "assign", "wait", "resume", "escalate", "reprioritize", "resolve", "reopen", "close"];
}

public sealed record Acknowledge(string Actor, string? Text = null) : TicketCommand(Actor);

public sealed record Comment(string Actor, string Text, Visibility Visibility) : TicketCommand(Actor);

public sealed record Assign(string Actor, string Assignee) : TicketCommand(Actor);

public sealed record Wait(string Actor, WaitingOn On, string? Provider, string? Text) : TicketCommand(Actor);

public sealed record Resume(string Actor, string? Text = null) : TicketCommand(Actor);

/// <summary>Raises the level by one. With <paramref name="From"/>, only if the ticket is still at that level (the SLA clock uses it so that a retried escalation never skips a level).</summary>
public sealed record Escalate(string Actor, string? Reason, bool Automatic = false, SupportLevel? From = null) : TicketCommand(Actor);

/// <summary>Changes the priority of an open ticket (the SLA clock then counts against the new targets).</summary>
public sealed record Reprioritize(string Actor, Priority Priority, string? Reason = null) : TicketCommand(Actor);

public sealed record Resolve(string Actor, string Resolution) : TicketCommand(Actor);

public sealed record Reopen(string Actor, string? Reason = null) : TicketCommand(Actor);

public sealed record Close(string Actor, string? Text = null) : TicketCommand(Actor);
