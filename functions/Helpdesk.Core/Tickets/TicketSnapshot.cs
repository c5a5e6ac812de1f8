namespace Helpdesk.Core.Tickets;

public sealed record TicketSnapshot(
    TicketStatus Status,
    Priority Priority,
    SupportLevel Level,
    string Subject,
    string RequesterName,
    string RequesterEmail,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    string? Assignee,
    WaitingOn? WaitingOn,
    string? Provider,
    string? NoAutoReply = null)
{
    public static TicketSnapshot Of(Ticket t) => new(
        t.Status, t.Priority, t.Level, t.Subject, t.Requester.Name, t.Requester.Email, t.Requester.Language,
        t.CreatedAt, t.DueAt, t.Assignee, t.WaitingOn, t.Provider, t.NoAutoReply);
}
