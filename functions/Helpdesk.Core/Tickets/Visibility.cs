namespace Helpdesk.Core.Tickets;

public enum Visibility
{
    Public,
    Internal,
}
