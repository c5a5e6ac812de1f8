namespace Helpdesk.Core.Tickets;

/// <summary>
/// Elapsed-time deadlines used until the SLA feature registers its business-calendar implementation.
/// Same targets as the default SLA policy, without business hours.
/// </summary>
internal sealed class InterimDeadlines : ITicketDeadlines
{
    public DateTimeOffset? NextDue(Ticket ticket)
    {
        if (!ticket.Status.IsOpen())
        {
            return null;
        }

        var (response, resolution) = ticket.Priority switch
        {
            Priority.P1 => (TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)),
            Priority.P2 => (TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
            Priority.P3 => (TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
            _ => (TimeSpan.FromHours(8), TimeSpan.FromHours(45)),
        };
        return ticket.AcknowledgedAt is null ? ticket.CreatedAt + response : ticket.CreatedAt + resolution;
    }
}
