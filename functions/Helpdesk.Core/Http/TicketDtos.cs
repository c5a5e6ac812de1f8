using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Http;

/// <summary>Answer to a ticket creation: what the requester needs, nothing about other tickets.</summary>
public sealed record CreatedTicketDto(int Number, string Reference, TicketStatus Status, Priority Priority, SupportLevel Level,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string Url);

public sealed record AttachmentDto(string FileName, string ContentType, long Length);

public sealed record TimelineDto(DateTimeOffset At, string Actor, string Kind, string Text, Visibility Visibility,
    IReadOnlyDictionary<string, string>? Data);

public sealed record TicketDto(
    int Number,
    string Reference,
    TicketStatus Status,
    Priority Priority,
    SupportLevel Level,
    Category Category,
    Impact Impact,
    CanWork CanWork,
    string Subject,
    string Description,
    Requester Requester,
    string? AssetTag,
    string? Assignee,
    WaitingOn? WaitingOn,
    string? Provider,
    string? Resolution,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? DueAt,
    IReadOnlyList<AttachmentDto> Attachments,
    string Url,
    IReadOnlyList<TimelineDto>? Timeline)
{
    /// <summary>The SLA clock (per target: due, used, left; time per level), when the SLA engine runs.</summary>
    public Sla.SlaStatus? Sla { get; init; }

    public static TicketDto Of(Ticket t, string url, IReadOnlyList<TimelineEntry>? timeline) => new(
        t.Number, t.Reference, t.Status, t.Priority, t.Level, t.Category, t.Impact, t.CanWork, t.Subject, t.Description,
        t.Requester, t.AssetTag, t.Assignee, t.WaitingOn, t.Provider, t.Resolution, t.CreatedAt, t.UpdatedAt, t.AcknowledgedAt,
        t.ResolvedAt, t.ClosedAt, t.DueAt, [.. t.Attachments.Select(a => new AttachmentDto(a.FileName, a.ContentType, a.Length))], url,
        timeline?.Select(e => new TimelineDto(e.At, e.Actor, e.Kind, e.Text, e.Visibility, e.Data)).ToList());
}

public sealed record QueueDto(SupportLevel Level, IReadOnlyList<QueueItem> Items, string? ContinuationToken);

/// <summary>Body of <c>POST /api/tickets/{number}/{action}</c>; which fields count depends on the action.</summary>
public sealed record ActionRequest
{
    /// <summary>Who acts (technician name or address). Also accepted as the <c>X-Helpdesk-Actor</c> header.</summary>
    public string? Actor { get; init; }

    /// <summary>Comment text, or a note for acknowledge, wait, resume, close.</summary>
    public string? Text { get; init; }

    /// <summary>For comments: public (the requester sees it) or internal. Default internal.</summary>
    public Visibility? Visibility { get; init; }

    public string? Assignee { get; init; }

    /// <summary>For wait: requester or provider.</summary>
    public WaitingOn? On { get; init; }

    /// <summary>For wait on a provider: which one (internet provider, software vendor...).</summary>
    public string? Provider { get; init; }

    public string? Reason { get; init; }
    public string? Resolution { get; init; }

    /// <summary>For reprioritize: the new priority (p1 to p4).</summary>
    public Priority? Priority { get; init; }
}
