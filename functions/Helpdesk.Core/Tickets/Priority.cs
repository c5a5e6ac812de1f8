namespace Helpdesk.Core.Tickets;

/// <summary>Priority P1 (highest) to P4; written "P1".."P4" everywhere, as people say it.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
