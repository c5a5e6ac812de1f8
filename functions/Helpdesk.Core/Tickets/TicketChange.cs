namespace Helpdesk.Core.Tickets;

/// <summary>The outcome of applying a command: the new ticket, the timeline line that records it, and the event to publish.</summary>
public sealed record TicketChange(Ticket Before, Ticket After, TimelineEntry Entry, TicketEventKind Kind);
