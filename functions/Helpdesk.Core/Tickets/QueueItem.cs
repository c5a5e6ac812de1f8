namespace Helpdesk.Core.Tickets;

/// <summary>One line of a level's queue, as listed to technicians.</summary>
public sealed record QueueItem(int Number, string Subject, TicketStatus Status, Priority Priority, SupportLevel Level,
    DateTimeOffset? DueAt, string? Assignee, DateTimeOffset CreatedAt);
