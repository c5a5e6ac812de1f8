namespace Helpdesk.Core.Tickets;

public enum TicketStatus
{
    New,
    InProgress,
    WaitingOnRequester,
    WaitingOnProvider,
    Resolved,
    Closed,
}
