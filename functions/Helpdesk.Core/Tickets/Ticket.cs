namespace Helpdesk.Core.Tickets;

/// <summary>
/// A ticket as stored. Immutable: every change goes through <see cref="TicketWorkflow"/>, which returns a new
/// value and the timeline entry that records it.
/// </summary>
public sealed record Ticket
{
    public required int Number { get; init; }
    public required TicketStatus Status { get; init; }
    public required Priority Priority { get; init; }
    public required SupportLevel Level { get; init; }
    public required Category Category { get; init; }
    public required Impact Impact { get; init; }
    public required CanWork CanWork { get; init; }
    public required Requester Requester { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public string? AssetTag { get; init; }
    public string? Assignee { get; init; }
    public WaitingOn? WaitingOn { get; init; }
    public string? Provider { get; init; }
    public string? Resolution { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the ticket is next due (first response while unacknowledged, then resolution); orders the level queues.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public IReadOnlyList<AttachmentRef> Attachments { get; init; } = [];

    /// <summary>Where the ticket came from (<c>web</c>, <c>email</c>, <c>phone</c>, <c>maintenance</c>, <c>api</c>); tickets stored before channels existed read as web.</summary>
    public string Channel { get; init; } = "web";

    /// <summary>A reference within the channel: "form" or "api", a Message-ID, the technician who took the call...</summary>
    public string? SourceReference { get; init; }

    /// <summary>Why no automatic mail may go to the requester (set by inbound mail for lists, no-reply and machine senders), or null.</summary>
    public string? NoAutoReply { get; init; }

    /// <summary>Display form used in mail subjects and pages.</summary>
    public string Reference => FormatNumber(Number);

    public static string FormatNumber(int number) => "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
