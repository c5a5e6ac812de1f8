using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>Answer to a ticket creation: what the requester needs, nothing about other tickets.</summary>
public sealed record CreatedTicketDto(int Number, string Reference, TicketStatus Status, Priority Priority, SupportLevel Level,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string Url);
