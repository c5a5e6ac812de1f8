namespace Helpdesk.Core.Tickets;

/// <summary>
/// Computes when a ticket is next due, which orders each level's queue: the first-response deadline while the
/// ticket is new, then the resolution deadline. The SLA feature provides the business-hours implementation.
/// </summary>
public interface ITicketDeadlines
{
    DateTimeOffset? NextDue(Ticket ticket);
}
