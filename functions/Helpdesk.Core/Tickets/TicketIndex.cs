using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

public sealed class TicketNumberingOptions
{
    public const string Section = "Helpdesk:Tickets";

    /// <summary>The first number handed out on a new instance (numbers read better with four digits).</summary>
    public int FirstNumber { get; init; } = 1001;
}

/// <summary>One line of a level's queue, as listed to technicians.</summary>
public sealed record QueueItem(int Number, string Subject, TicketStatus Status, Priority Priority, SupportLevel Level,
    DateTimeOffset? DueAt, string? Assignee, DateTimeOffset CreatedAt);

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, string? ContinuationToken);

/// <summary>The outcome of registering a ticket with its requester under an idempotency key.</summary>
public abstract record RequesterRegistration
{
    public sealed record Registered : RequesterRegistration;

    /// <summary>The key was used before: the earlier request's number, payload hash and creation time.</summary>
    public sealed record Duplicate(int Number, string PayloadHash, DateTimeOffset CreatedAt) : RequesterRegistration;
}

/// <summary>
/// Table <c>TicketIndex</c>, the secondary indexes:
/// <list type="bullet">
/// <item>partition <c>queues</c>: row <c>counter</c> (next ticket number) and rows <c>L1|{due ticks}|{number}</c>, one per
/// open ticket, so a level's queue ordered by due date is a range query, never a scan. Numbers are allocated in the
/// same batch that inserts the new tickets' queue rows (group commit: concurrent requests share one round trip).</item>
/// <item>partition <c>req-{hash(email)}</c>: rows <c>t-{reversed number}</c>, a requester's tickets newest first, and
/// rows <c>idem-{hash(key)}</c>, the idempotency keys of that requester's submissions.</item>
/// </list>
/// </summary>
public sealed class TicketIndex(StorageClients storage, IOptions<TicketNumberingOptions> numbering, ILogger<TicketIndex> logger) : IDisposable
{
    public const string QueuesPartition = "queues";
    private const string CounterRow = "counter";
    private const int MaxGroup = 99; // a batch holds 100 actions: the counter and 99 queue rows

    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly List<PendingAllocation> _pending = [];
    private int? _next;
    private ETag _counterETag;

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    public void Dispose() => _flushGate.Dispose();

    public static string QueueKey(Ticket t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.Level}|{(t.DueAt ?? DateTimeOffset.MaxValue).UtcTicks:D19}|{t.Number:D10}");

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
                        new TableEntity(QueuesPartition, CounterRow) { ["Next"] = first + group.Count }, _counterETag),
                };
                actions.AddRange(group.Select((p, i) =>
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, QueueEntity(p.Draft with { Number = first + i }))));
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
                    logger.LogDebug("Ticket counter moved under us (attempt {Attempt}); re-reading.", attempt);
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
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(QueuesPartition, CounterRow, cancellationToken: ct);
        if (existing.HasValue)
        {
            _next = existing.Value!.GetInt32("Next");
            _counterETag = existing.Value.ETag;
            return;
        }

        try
        {
            var first = numbering.Value.FirstNumber;
            var added = await Table.AddEntityAsync(new TableEntity(QueuesPartition, CounterRow) { ["Next"] = first }, ct);
            _next = first;
            _counterETag = added.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await ReadCounterAsync(ct);
        }
    }

    /// <summary>
    /// Moves a ticket's queue row after a change: out of the queues when it is no longer open, and, when it has just
    /// been resolved or closed, into the "stopped" rows the SLA reconciler reads. All rows live in the <c>queues</c>
    /// partition, so one batch does it.
    /// </summary>
    public async Task MoveAsync(Ticket before, Ticket after, CancellationToken ct)
    {
        var oldKey = before.Status.IsOpen() ? QueueKey(before) : null;
        var newKey = after.Status.IsOpen() ? QueueKey(after) : null;
        var actions = new List<TableTransactionAction>(3);
        if (newKey is not null && (newKey != oldKey || QueueItemChanged(before, after)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, QueueEntity(after)));
        }

        if (oldKey is not null && oldKey != newKey)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(QueuesPartition, oldKey), ETag.All));
        }

        if (!after.Status.IsOpen() && after.Status != before.Status)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, StoppedEntity(after)));
        }

        if (actions.Count == 0)
        {
            return;
        }

        try
        {
            await Table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex)
        {
            // Usually 404 on the delete (a repeated move); whatever the cause, the single writes below are idempotent.
            logger.LogDebug(ex, "Moving ticket {Number} in one batch failed ({Status}); writing the rows one by one.", after.Number, ex.Status);
            foreach (var action in actions)
            {
                if (action.ActionType == TableTransactionActionType.Delete)
                {
                    await DeleteQueueRowAsync(action.Entity.RowKey, ct);
                }
                else
                {
                    await Table.UpsertEntityAsync((TableEntity)action.Entity, TableUpdateMode.Replace, ct);
                }
            }
        }
    }

    /// <summary>Tickets resolved or closed since <paramref name="since"/> (a range query on the "stopped" rows).</summary>
    public async IAsyncEnumerable<int> StoppedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var from = StoppedPrefix + since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {QueuesPartition} and RowKey ge {from} and RowKey lt {"stopped}"}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: ct))
        {
            if (e.GetInt32("Number") is { } number)
            {
                yield return number;
            }
        }
    }

    public async Task DeleteQueueRowAsync(string queueKey, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(QueuesPartition, queueKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: a repeated move is harmless.
        }
    }

    public async Task<QueuePage> ListQueueAsync(SupportLevel level, int pageSize, string? continuationToken, CancellationToken ct)
    {
        var prefix = level + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {QueuesPartition} and RowKey gt {prefix} and RowKey lt {level + "}"}");
        var pages = Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: ct).AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            return new QueuePage([.. page.Values.Select(ToQueueItem)], page.ContinuationToken);
        }

        return new QueuePage([], null);
    }

    /// <summary>Numbers of every open ticket, from the queue rows of all levels (<c>L1|...</c>, <c>L2|...</c>, <c>L3|...</c>).</summary>
    public async IAsyncEnumerable<int> OpenTicketNumbersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {QueuesPartition} and RowKey gt {level + "|"} and RowKey lt {level + "}"}");
            await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: ct))
            {
                if (e.GetInt32("Number") is { } number)
                {
                    yield return number;
                }
            }
        }
    }

    /// <summary>
    /// Adds the ticket to its requester's list and, with an idempotency key, claims that key in the same batch.
    /// A key already claimed returns the earlier request instead.
    /// </summary>
    public async Task<RequesterRegistration> RegisterWithRequesterAsync(Ticket ticket, string? idempotencyKey, string payloadHash, CancellationToken ct)
    {
        var pk = RequesterPartition(ticket.Requester.Email);
        var entry = new TableEntity(pk, "t-" + (int.MaxValue - ticket.Number).ToString("D10", CultureInfo.InvariantCulture))
        {
            ["Number"] = ticket.Number,
            ["Subject"] = ticket.Subject,
            ["CreatedAt"] = ticket.CreatedAt,
        };
        if (idempotencyKey is null)
        {
            await Table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct);
            return new RequesterRegistration.Registered();
        }

        var claim = new TableEntity(pk, IdempotencyRow(idempotencyKey))
        {
            ["Number"] = ticket.Number,
            ["PayloadHash"] = payloadHash,
            ["CreatedAt"] = ticket.CreatedAt,
        };
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, claim), new TableTransactionAction(TableTransactionActionType.UpsertReplace, entry)],
                ct);
            return new RequesterRegistration.Registered();
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var earlier = (await Table.GetEntityAsync<TableEntity>(pk, claim.RowKey, cancellationToken: ct)).Value;
            return new RequesterRegistration.Duplicate(
                earlier.GetInt32("Number") ?? 0, earlier.GetString("PayloadHash") ?? "", earlier.GetDateTimeOffset("CreatedAt") ?? default);
        }
    }

    public async Task<IReadOnlyList<int>> RequesterTicketsAsync(string email, int max, CancellationToken ct)
    {
        var pk = RequesterPartition(email);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {"t-"} and RowKey lt {"t."}");
        var numbers = new List<int>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["Number"], cancellationToken: ct))
        {
            numbers.Add(e.GetInt32("Number") ?? 0);
            if (numbers.Count == max)
            {
                break;
            }
        }

        return numbers;
    }

    private static string RequesterPartition(string email) => "req-" + Hash(email.Trim().ToLowerInvariant());

    private static string IdempotencyRow(string key) => "idem-" + Hash(key);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];

    private static bool QueueItemChanged(Ticket a, Ticket b) =>
        a.Status != b.Status || a.Assignee != b.Assignee || a.Priority != b.Priority || a.Subject != b.Subject;

    private const string StoppedPrefix = "stopped|";

    private static TableEntity StoppedEntity(Ticket t) =>
        new(QueuesPartition, string.Create(CultureInfo.InvariantCulture, $"{StoppedPrefix}{t.UpdatedAt.UtcTicks:D19}|{t.Number:D10}"))
        {
            ["Number"] = t.Number,
            ["Status"] = WireName.Of(t.Status),
        };

    private static TableEntity QueueEntity(Ticket t) => new(QueuesPartition, QueueKey(t))
    {
        ["Number"] = t.Number,
        ["Subject"] = t.Subject,
        ["Status"] = WireName.Of(t.Status),
        ["Priority"] = t.Priority.ToString(),
        ["Level"] = t.Level.ToString(),
        ["DueAt"] = t.DueAt,
        ["Assignee"] = t.Assignee,
        ["CreatedAt"] = t.CreatedAt,
    };

    private static QueueItem ToQueueItem(TableEntity e) => new(
        e.GetInt32("Number") ?? 0,
        e.GetString("Subject") ?? "",
        WireName.Parse<TicketStatus>(e.GetString("Status") ?? "new"),
        Enum.Parse<Priority>(e.GetString("Priority") ?? "P4"),
        Enum.Parse<SupportLevel>(e.GetString("Level") ?? "L1"),
        e.GetDateTimeOffset("DueAt"),
        e.GetString("Assignee"),
        e.GetDateTimeOffset("CreatedAt") ?? default);

    private sealed class PendingAllocation(Ticket draft)
    {
        public Ticket Draft { get; } = draft;
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
