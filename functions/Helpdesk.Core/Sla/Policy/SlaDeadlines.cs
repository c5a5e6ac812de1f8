using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The due instant that orders the level queues, in business time: the first-response deadline while the ticket is
/// new, then the resolution deadline, both counted from creation in the calendar of the ticket's priority. Pauses are
/// not subtracted here; the clock log stays the truth for warnings, escalations and breaches.
/// </summary>
public sealed class SlaDeadlines(SlaPolicy policy, SlaCalendars calendars) : ITicketDeadlines
{
    public DateTimeOffset? NextDue(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.Status.IsOpen())
        {
            return null;
        }

        var targets = policy.TargetsFor(ticket.Priority);
        var calendar = calendars.For(targets.TwentyFourSeven);
        var allowed = ticket.Status == TicketStatus.New && ticket.AcknowledgedAt is null ? targets.FirstResponse : targets.Resolution;
        return calendar.AddBusinessTime(ticket.CreatedAt, allowed);
    }
}
