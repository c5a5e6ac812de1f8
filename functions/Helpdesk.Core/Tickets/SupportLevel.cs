namespace Helpdesk.Core.Tickets;

/// <summary>Support level L1 (first contact) to L3 (experts); written "L1".."L3" everywhere.</summary>
public enum SupportLevel
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
}
