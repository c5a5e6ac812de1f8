using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Console;

/// <summary>
/// The console's queues over the open tickets' index rows (one range query, no ticket read): the three levels, the
/// signed-in person's tickets, the unassigned ones, those waiting on someone; each sorted by next SLA due time.
/// Search and filters narrow the same rows.
/// </summary>
public static class ConsoleQueues
{
    public const int MaxOpenTickets = 5000;
    public const int MaxRows = 500;
    public const int MaxSearchLength = 100;

    public static readonly IReadOnlyList<string> Names = ["L1", "L2", "L3", "mine", "unassigned", "waiting"];

    public static bool In(string queue, QueueItem item, Technician person) => queue switch
    {
        "L1" => item.Level == SupportLevel.L1,
        "L2" => item.Level == SupportLevel.L2,
        "L3" => item.Level == SupportLevel.L3,
        "mine" => Is(item.Assignee, person),
        "unassigned" => string.IsNullOrEmpty(item.Assignee),
        "waiting" => item.Status is TicketStatus.WaitingOnRequester or TicketStatus.WaitingOnProvider,
        _ => false,
    };

    /// <summary>Search words: each must appear in the subject, the requester's name or address, or the asset tag.</summary>
    public static bool Matches(QueueItem item, string query)
    {
        ArgumentNullException.ThrowIfNull(item);
        var haystack = string.Join(' ', item.Subject, item.RequesterName, item.RequesterEmail, item.AssetTag);
        return query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => haystack.Contains(word, StringComparison.CurrentCultureIgnoreCase));
    }

    public static IReadOnlyList<QueueItem> Sorted(IEnumerable<QueueItem> items) =>
        [.. items.OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Number)];

    private static bool Is(string? assignee, Technician person) =>
        assignee is not null && (assignee.Equals(person.Name, StringComparison.OrdinalIgnoreCase) || assignee.Equals(person.Email, StringComparison.OrdinalIgnoreCase));
}
