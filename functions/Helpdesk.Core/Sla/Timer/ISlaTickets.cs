using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>What the SLA engine needs from the ticket feature (production: <see cref="TicketSlaAdapter"/> over TicketService).</summary>
public interface ISlaTickets
{
    /// <summary>The ticket with its ETag (null: not found).</summary>
    Task<StoredTicket?> GetAsync(int ticketNumber, CancellationToken ct);

    /// <summary>
    /// Escalates the ticket one level automatically (actor <see cref="SlaActors.System"/>) if it is open and still at
    /// <paramref name="from"/>; otherwise changes nothing. Returns the ticket as it is afterwards (null: not found).
    /// <paramref name="asRead"/>, when given, is the ticket just read by the caller: the decision starts from it
    /// instead of a second read, and falls back to a fresh read if it has changed since.
    /// </summary>
    Task<Ticket?> EscalateAsync(int ticketNumber, StoredTicket? asRead, SupportLevel from, string reason, CancellationToken ct);

    /// <summary>Numbers of every open ticket (from the level queues).</summary>
    IAsyncEnumerable<int> OpenTicketNumbersAsync(CancellationToken ct);

    /// <summary>Numbers of tickets resolved or closed (last changed) since <paramref name="since"/>.</summary>
    IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, CancellationToken ct);
}
