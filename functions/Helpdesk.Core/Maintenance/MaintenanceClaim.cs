namespace Helpdesk.Core.Maintenance;

/// <summary>
/// A reminder claimed for an asset, rule and threshold (<see cref="Key"/>): it exists from the first scan that found it
/// until the condition clears. <see cref="Ticket"/> and <see cref="Mailed"/> say which actions are done, so a scan that
/// stopped half-way is completed by the next one and nothing is done twice.
/// </summary>
public sealed record MaintenanceClaim(
    string Key,
    string Tag,
    string Rule,
    string Threshold,
    Urgency Urgency,
    bool OpensTicket,
    string Subject,
    string Description,
    string Category,
    string Impact,
    DateTimeOffset ClaimedAt,
    int? Ticket,
    bool Mailed);
