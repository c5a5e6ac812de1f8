using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>Technicians' use cases: read a ticket, list a queue, act on a ticket.</summary>
public sealed class TicketService(
    TicketStore store,
    LevelQueues queues,
    ITicketDeadlines deadlines,
    ITicketEventPublisher publisher,
    TimeProvider time,
    ILogger<TicketService> logger)
{
    private const int MaxAttempts = 3;

    public async Task<TicketView?> GetAsync(int number, CancellationToken ct)
    {
        var stored = await store.GetAsync(number, ct);
        if (stored is null)
        {
            return null;
        }

        return new TicketView(stored.Ticket, await store.GetTimelineAsync(number, ct));
    }

    public Task<QueuePage> QueueAsync(SupportLevel level, int pageSize, string? continuationToken, CancellationToken ct) =>
        queues.ListAsync(level, pageSize, continuationToken, ct);

    /// <summary>
    /// Applies a command with optimistic concurrency: read, decide, write with the ETag. When another technician
    /// wrote in between, the command is decided again on the fresh ticket (so "acknowledge" twice is refused the
    /// second time, never lost); after <see cref="MaxAttempts"/> conflicts the caller gets a conflict error.
    /// Commands that only add a timeline line (<see cref="TicketWorkflow.AppendsOnly"/>: comments) are decided on the
    /// ticket as read and appended without its ETag: they never conflict, with each other or with a state change.
    /// Returns null when the ticket does not exist.
    /// </summary>
    public async Task<TicketChange?> ApplyAsync(int number, TicketCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (TicketWorkflow.AppendsOnly(command))
        {
            return await AppendAsync(number, command, ct);
        }

        return await DecideAndWriteAsync(number, command, asRead: null, ct);
    }

    /// <summary>
    /// As <see cref="ApplyAsync(int, TicketCommand, CancellationToken)"/>, decided first on <paramref name="asRead"/>, a
    /// ticket the caller has just read with its ETag, instead of reading it again (the SLA step reads the ticket once
    /// per turn). If it changed since, the write is refused on the ETag and the command is decided again on a fresh read.
    /// </summary>
    public async Task<TicketChange?> ApplyAsync(StoredTicket asRead, TicketCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asRead);
        ArgumentNullException.ThrowIfNull(command);
        return TicketWorkflow.AppendsOnly(command)
            ? await AppendAsync(asRead.Ticket.Number, command, ct)
            : await DecideAndWriteAsync(asRead.Ticket.Number, command, asRead, ct);
    }

    private async Task<TicketChange?> DecideAndWriteAsync(int number, TicketCommand command, StoredTicket? asRead, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = attempt == 1 && asRead is not null ? asRead : await store.GetAsync(number, ct);
            if (stored is null)
            {
                return null;
            }

            TicketChange change;
            try
            {
                change = TicketWorkflow.Apply(stored.Ticket, command, time.GetUtcNow());
            }
            catch (InvalidTransitionException) when (ReferenceEquals(stored, asRead))
            {
                // Refused on the carried copy: decided again on the stored ticket, so the answer is the same as with a read.
                continue;
            }

            change = change with { After = change.After with { DueAt = deadlines.NextDue(change.After) } };
            var entryId = NewEntryId();
            try
            {
                await store.UpdateAsync(change, stored.ETag, entryId, ct);
            }
            // A carried ticket that turned out stale does not count against the fresh attempts.
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts + (asRead is null ? 0 : 1))
            {
                TicketLog.ConcurrentChangeRetried(logger, number, command.GetType().Name, attempt);
                continue;
            }

            await queues.MoveAsync(change.Before, change.After, ct);
            await publisher.PublishAsync(EventOf(change, entryId), ct);
            TicketLog.ActionApplied(logger, number, WireName.Of(change.Kind), change.Entry.Actor, change.After.Status, change.After.Priority, change.After.Level);
            return change;
        }
    }

    private async Task<TicketChange?> AppendAsync(int number, TicketCommand command, CancellationToken ct)
    {
        var stored = await store.GetAsync(number, ct);
        if (stored is null)
        {
            return null;
        }

        // Refused on a closed ticket like any command; otherwise the ticket stays as it is and only the line is added.
        var change = TicketWorkflow.Apply(stored.Ticket, command, time.GetUtcNow());
        var entryId = NewEntryId();
        await store.AppendAsync(number, change.Entry, entryId, ct);
        await publisher.PublishAsync(EventOf(change, entryId), ct);
        TicketLog.CommentAppended(logger, WireName.Of(change.Kind), number, change.Entry.Actor);
        return change;
    }

    private static string NewEntryId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// The event of a change, named after the timeline line that records it (<paramref name="entryId"/> is the line's
    /// id): two changes never share an id, even concurrent comments in the same tick.
    /// </summary>
    public static TicketEvent EventOf(TicketChange change, string entryId) => new(
        $"{change.After.Number}-{change.Entry.At.UtcTicks}-{WireName.Of(change.Kind)}-{entryId}",
        change.After.Number,
        change.Kind,
        change.Entry.At,
        change.Entry.Actor,
        TicketSnapshot.Of(change.After));
}
