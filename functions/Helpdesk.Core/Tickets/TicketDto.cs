namespace Helpdesk.Core.Tickets;

/// <summary>A ticket as technicians see it, with its timeline and SLA clock when asked for.</summary>
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
    string Channel,
    string Url,
    IReadOnlyList<TimelineDto>? Timeline)
{
    /// <summary>The SLA clock (per target: due, used, left; time per level), when the SLA engine runs.</summary>
    public Sla.SlaStatus? Sla { get; init; }

    /// <summary>The requester's rating (1–5), comment and when they gave it, once they rated the ticket (status page).</summary>
    public Conversation.SatisfactionDto? Satisfaction { get; init; }

    /// <summary>Parts other features add to the ticket view (<see cref="ITicketViewPart"/>), written as top-level properties.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public IDictionary<string, object>? Parts { get; init; }

    public static TicketDto Of(Ticket t, string url, IReadOnlyList<TimelineEntry>? timeline) => new(
        t.Number, t.Reference, t.Status, t.Priority, t.Level, t.Category, t.Impact, t.CanWork, t.Subject, t.Description,
        t.Requester, t.AssetTag, t.Assignee, t.WaitingOn, t.Provider, t.Resolution, t.CreatedAt, t.UpdatedAt, t.AcknowledgedAt,
        t.ResolvedAt, t.ClosedAt, t.DueAt, [.. t.Attachments.Select(a => new AttachmentDto(a.FileName, a.ContentType, a.Length))], t.Channel, url,
        timeline?.Select(e => new TimelineDto(e.At, e.Actor, e.Kind, e.Text, e.Visibility, e.Data)).ToList());
}
