namespace Helpdesk.Core.Tickets;

public enum SupportLevel
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
}
