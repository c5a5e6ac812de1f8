using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Hands out ticket numbers from the counter row (<c>TicketIndex</c>, partition <c>queues</c>, row <c>counter</c>).
/// The new tickets' queue rows are inserted in the same batch as the counter update (group commit: concurrent requests
/// share one round trip, in arrival order), so a number is never handed out without its queue row.
/// </summary>
public sealed class TicketNumbers(StorageClients storage, IOptions<TicketNumberingOptions> numbering, ILogger<TicketNumbers> logger) : IDisposable
{
    private const string CounterRow = "counter";
    private const int MaxGroup = 99; // a batch holds 100 actions: the counter and 99 queue rows

    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly List<PendingAllocation> _pending = [];
    private int? _next;
    private ETag _counterETag;

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    public void Dispose() => _flushGate.Dispose();

    /// <summary>
    /// Allocates the next number for <paramref name="draft"/> and inserts its queue row in the same batch.
    /// Concurrent callers are grouped: one storage round trip serves all of them, in arrival order.
    /// </summary>
    public async Task<int> AllocateAsync(Ticket draft, CancellationToken ct)
    {
        var pending = new PendingAllocation(draft);
        lock (_pendingLock)
        {
            _pending.Add(pending);
        }

        // Not cancellable: once queued, the allocation must complete or fail with its group.
        await _flushGate.WaitAsync(CancellationToken.None);
        try
        {
            while (!pending.Completion.Task.IsCompleted)
            {
                List<PendingAllocation> group;
                lock (_pendingLock)
                {
                    group = [.. _pending.Take(MaxGroup)];
                    _pending.RemoveRange(0, group.Count);
                }

                await FlushAsync(group, ct);
            }
        }
        finally
        {
            _flushGate.Release();
        }

        return await pending.Completion.Task;
    }

    private async Task FlushAsync(List<PendingAllocation> group, CancellationToken ct)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (_next is null)
                {
                    await ReadCounterAsync(ct);
                }

                var first = _next!.Value;
                var actions = new List<TableTransactionAction>(group.Count + 1)
                {
                    new(TableTransactionActionType.UpdateReplace,
                        new TableEntity(LevelQueues.Partition, CounterRow) { ["Next"] = first + group.Count }, _counterETag),
                };
                actions.AddRange(group.Select((p, i) =>
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, LevelQueues.QueueEntity(p.Draft with { Number = first + i }))));
                try
                {
                    var response = await Table.SubmitTransactionAsync(actions, ct);
                    var etag = response.Value[0].Headers.ETag;
                    (_next, _counterETag) = etag is null ? ((int?)null, default(ETag)) : (first + group.Count, etag.Value);
                    for (var i = 0; i < group.Count; i++)
                    {
                        group[i].Completion.TrySetResult(first + i);
                    }

                    return;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 20)
                {
                    // Another instance took numbers since our last read: read the counter again and retry.
                    TicketLog.CounterMoved(logger, attempt);
                    _next = null;
                }
            }
        }
        catch (Exception ex)
        {
            _next = null;
            foreach (var p in group)
            {
                p.Completion.TrySetException(ex);
            }
        }
    }

    private async Task ReadCounterAsync(CancellationToken ct)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(LevelQueues.Partition, CounterRow, cancellationToken: ct);
        if (existing.HasValue)
        {
            _next = existing.Value!.GetInt32("Next");
            _counterETag = existing.Value.ETag;
            return;
        }

        try
        {
            var first = numbering.Value.FirstNumber;
            var added = await Table.AddEntityAsync(new TableEntity(LevelQueues.Partition, CounterRow) { ["Next"] = first }, ct);
            _next = first;
            _counterETag = added.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await ReadCounterAsync(ct);
        }
    }

    private sealed class PendingAllocation(Ticket draft)
    {
        public Ticket Draft { get; } = draft;
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
