
namespace Helpdesk.Core.Tickets;

public sealed record TicketView(Ticket Ticket, IReadOnlyList<TimelineEntry> Timeline);
