namespace Helpdesk.Core.Tickets;

/// <summary>A technician's action on a ticket. Each is one small record; <see cref="TicketWorkflow"/> holds the rules.</summary>
public abstract record TicketCommand(string Actor)
{
    /// <summary>Wire names of the actions, as in <c>POST /api/tickets/{number}/{action}</c>.</summary>
    public static readonly IReadOnlyList<string> ActionNames =
        ["acknowledge", "comment", "assign", "wait", "resume", "escalate", "reprioritize", "resolve", "reopen", "close"];
}
