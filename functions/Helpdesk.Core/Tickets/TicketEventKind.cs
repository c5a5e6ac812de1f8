namespace Helpdesk.Core.Tickets;

/// <summary>What happened to a ticket, published through <see cref="ITicketEventPublisher"/>.</summary>
public enum TicketEventKind
{
    Created,
    Acknowledged,
    Commented,
    Assigned,
    Waiting,
    Resumed,
    Escalated,
    PriorityChanged,
    Resolved,
    Reopened,
    Closed,
}
