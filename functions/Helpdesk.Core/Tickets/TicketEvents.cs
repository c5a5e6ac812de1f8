namespace Helpdesk.Core.Tickets;

/// <summary>
/// A lifecycle change of a ticket. Carries a snapshot of what handlers usually need (requester, subject, state),
/// so that the acknowledgment mail or the SLA clock need no extra read.
/// </summary>
public sealed record TicketEvent(
    string EventId,
    int Number,
    TicketEventKind Kind,
    DateTimeOffset At,
    string Actor,
    TicketSnapshot Ticket);

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
    string? Provider)
{
    public static TicketSnapshot Of(Ticket t) => new(
        t.Status, t.Priority, t.Level, t.Subject, t.Requester.Name, t.Requester.Email, t.Requester.Language,
        t.CreatedAt, t.DueAt, t.Assignee, t.WaitingOn, t.Provider);
}

/// <summary>
/// The one port through which every lifecycle change leaves the ticket feature. The storage-queue adapter delivers
/// events to every <see cref="ITicketEventHandler"/> (acknowledgment mail, SLA orchestration...), at least once.
/// </summary>
public interface ITicketEventPublisher
{
    Task PublishAsync(TicketEvent ticketEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Reacts to ticket events. Delivery is at least once: a handler must be idempotent. <paramref name="redelivered"/>
/// tells that an earlier delivery of this very event may already have been handled.
/// </summary>
public interface ITicketEventHandler
{
    Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken);
}
