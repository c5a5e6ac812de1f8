namespace Helpdesk.Core.Tickets;

public sealed record Requester(string Name, string Email, string? Phone, string Language);

public sealed record AttachmentRef(string FileName, string ContentType, long Length, string BlobName);

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

    /// <summary>Display form used in mail subjects and pages.</summary>
    public string Reference => FormatNumber(Number);

    public static string FormatNumber(int number) => "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One line of a ticket's written trace: who did what, when, and for whom it is visible.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Text,
    Visibility Visibility,
    IReadOnlyDictionary<string, string>? Data = null);
