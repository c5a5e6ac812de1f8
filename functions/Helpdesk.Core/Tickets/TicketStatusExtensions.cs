namespace Helpdesk.Core.Tickets;

public static class TicketStatusExtensions
{
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);

    public static bool IsWaiting(this TicketStatus status) => status is TicketStatus.WaitingOnRequester or TicketStatus.WaitingOnProvider;
}
