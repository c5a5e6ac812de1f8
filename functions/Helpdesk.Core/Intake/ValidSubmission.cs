using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Intake;

/// <summary>A submission that passed validation: typed, trimmed, ready to become a ticket.</summary>
public sealed record ValidSubmission(
    Requester Requester,
    string Subject,
    string Description,
    Category Category,
    Impact Impact,
    CanWork CanWork,
    string? AssetTag);
