using System.Runtime.CompilerServices;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary><see cref="ISlaTickets"/> over the ticket feature: reads from <see cref="TicketStore"/>, escalates through <see cref="TicketService"/>.</summary>
public sealed class TicketSlaAdapter(TicketStore store, LevelQueues queues, TicketService service, ILogger<TicketSlaAdapter> logger) : ISlaTickets
{
    public Task<StoredTicket?> GetAsync(int ticketNumber, CancellationToken ct) => store.GetAsync(ticketNumber, ct);

    public async Task<Ticket?> EscalateAsync(int ticketNumber, StoredTicket? asRead, SupportLevel from, string reason, CancellationToken ct)
    {
        var escalate = new Escalate(SlaActors.System, reason, Automatic: true, From: from);
        try
        {
            var change = asRead is null
                ? await service.ApplyAsync(ticketNumber, escalate, ct)
                : await service.ApplyAsync(asRead, escalate, ct);
            return change?.After;
        }
        catch (InvalidTransitionException ex)
        {
            // Already escalated, resolved or closed in the meantime: nothing to do.
            SlaLog.EscalationNotApplied(logger, ticketNumber, from, ex.Message);
            return (await GetAsync(ticketNumber, ct))?.Ticket;
        }
    }

    public IAsyncEnumerable<int> OpenTicketNumbersAsync(CancellationToken ct) => queues.OpenTicketNumbersAsync(ct);

    public async IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var number in queues.StoppedSinceAsync(since, ct))
        {
            yield return number;
        }
    }
}
