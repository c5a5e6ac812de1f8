namespace Helpdesk.Core.Tickets;

public enum WaitingOn
{
    Requester,
    Provider,
}
