namespace Helpdesk.Core.Tickets;

/// <summary>
/// One line of a level's queue, as listed to technicians. Category, requester and asset let the console filter and
/// search a queue without reading the tickets; rows written before they existed have them null until the ticket moves.
/// </summary>
public sealed record QueueItem(int Number, string Subject, TicketStatus Status, Priority Priority, SupportLevel Level,
    DateTimeOffset? DueAt, string? Assignee, DateTimeOffset CreatedAt,
    Category? Category = null, string? RequesterName = null, string? RequesterEmail = null, string? AssetTag = null);
