using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>What the SLA engine needs from the ticket feature (production: <see cref="TicketSlaAdapter"/> over TicketService).</summary>
public interface ISlaTickets
{
    Task<Ticket?> GetAsync(int ticketNumber, CancellationToken ct);

    /// <summary>
    /// Escalates the ticket one level automatically (actor <see cref="SlaActors.System"/>) if it is open and still at
    /// <paramref name="from"/>; otherwise changes nothing. Returns the ticket as it is afterwards (null: not found).
    /// </summary>
    Task<Ticket?> EscalateAsync(int ticketNumber, SupportLevel from, string reason, CancellationToken ct);

    /// <summary>Numbers of every open ticket (from the level queues).</summary>
    IAsyncEnumerable<int> OpenTicketNumbersAsync(CancellationToken ct);

    /// <summary>Numbers of tickets resolved or closed (last changed) since <paramref name="since"/>.</summary>
    IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, CancellationToken ct);
}
