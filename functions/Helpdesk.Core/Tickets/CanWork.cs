namespace Helpdesk.Core.Tickets;

/// <summary>The urgency question asked of the requester: "can you still do other work?".</summary>
public enum CanWork
{
    Yes,
    Partly,
    No,
}
