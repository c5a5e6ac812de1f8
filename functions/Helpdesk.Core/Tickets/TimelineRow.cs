namespace Helpdesk.Core.Tickets;

/// <summary>A timeline line with the row key it is stored under (<see cref="TicketStore.TimelineRowKey"/>), for callers that look lines up by id.</summary>
public sealed record TimelineRow(string RowKey, TimelineEntry Entry);
