using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The level queues (<c>TicketIndex</c>, partition <c>queues</c>): rows <c>L1|{due ticks}|{number}</c>, one per open
/// ticket, so a level's queue ordered by due date is a range query, never a scan; and rows
/// <c>stopped|{ticks}|{number}</c> for tickets just resolved or closed, which the SLA reconciler reads.
/// </summary>
public sealed class LevelQueues(StorageClients storage, ILogger<LevelQueues> logger)
{
    public const string Partition = "queues";
    private const string StoppedPrefix = "stopped|";

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    public static string QueueKey(Ticket t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return string.Create(CultureInfo.InvariantCulture, $"{t.Level}|{(t.DueAt ?? DateTimeOffset.MaxValue).UtcTicks:D19}|{t.Number:D10}");
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
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, oldKey), ETag.All));
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
            TicketLog.QueueMoveFallback(logger, ex, after.Number, ex.Status);
            foreach (var action in actions)
            {
                if (action.ActionType == TableTransactionActionType.Delete)
                {
                    await DeleteRowAsync(action.Entity.RowKey, ct);
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {"stopped}"}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: ct))
        {
            if (e.GetInt32("Number") is { } number)
            {
                yield return number;
            }
        }
    }

    public async Task DeleteRowAsync(string queueKey, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, queueKey, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: a repeated move is harmless.
        }
    }

    public async Task<QueuePage> ListAsync(SupportLevel level, int pageSize, string? continuationToken, CancellationToken ct)
    {
        var prefix = level + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {prefix} and RowKey lt {level + "}"}");
        var pages = Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: ct).AsPages(continuationToken, pageSize);
        await foreach (var page in pages)
        {
            return new QueuePage([.. page.Values.Select(ToQueueItem)], page.ContinuationToken);
        }

        return new QueuePage([], null);
    }

    /// <summary>
    /// The rows of every open ticket, all levels, in row-key order (level, then due date), at most
    /// <paramref name="max"/>: one range query over <c>L1|</c> to <c>L3}</c>, a request per 1,000 rows.
    /// </summary>
    public async Task<IReadOnlyList<QueueItem>> ListOpenAsync(int max, CancellationToken ct)
    {
        var levels = Enum.GetValues<SupportLevel>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey gt {levels.Min() + "|"} and RowKey lt {levels.Max() + "}"}");
        var items = new List<QueueItem>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            items.Add(ToQueueItem(e));
            if (items.Count >= max)
            {
                break;
            }
        }

        return items;
    }

    /// <summary>Numbers of every open ticket, from the queue rows of all levels (<c>L1|...</c>, <c>L2|...</c>, <c>L3|...</c>).</summary>
    public async IAsyncEnumerable<int> OpenTicketNumbersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {level + "|"} and RowKey lt {level + "}"}");
            await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: ct))
            {
                if (e.GetInt32("Number") is { } number)
                {
                    yield return number;
                }
            }
        }
    }

    private static bool QueueItemChanged(Ticket a, Ticket b) =>
        a.Status != b.Status || a.Assignee != b.Assignee || a.Priority != b.Priority || a.Subject != b.Subject;

    private static TableEntity StoppedEntity(Ticket t) =>
        new(Partition, string.Create(CultureInfo.InvariantCulture, $"{StoppedPrefix}{t.UpdatedAt.UtcTicks:D19}|{t.Number:D10}"))
        {
            ["Number"] = t.Number,
            ["Status"] = WireName.Of(t.Status),
        };

    /// <summary>The queue row of an open ticket: what a queue lists without reading the tickets.</summary>
    internal static TableEntity QueueEntity(Ticket t) => new(Partition, QueueKey(t))
    {
        ["Number"] = t.Number,
        ["Subject"] = t.Subject,
        ["Status"] = WireName.Of(t.Status),
        ["Priority"] = t.Priority.ToString(),
        ["Level"] = t.Level.ToString(),
        ["DueAt"] = t.DueAt,
        ["Assignee"] = t.Assignee,
        ["CreatedAt"] = t.CreatedAt,
        ["Category"] = WireName.Of(t.Category),
        ["RequesterName"] = t.Requester.Name,
        ["RequesterEmail"] = t.Requester.Email,
        ["AssetTag"] = t.AssetTag,
    };

    private static QueueItem ToQueueItem(TableEntity e) => new(
        e.GetInt32("Number") ?? 0,
        e.GetString("Subject") ?? "",
        WireName.Parse<TicketStatus>(e.GetString("Status") ?? "new"),
        Enum.Parse<Priority>(e.GetString("Priority") ?? "P4"),
        Enum.Parse<SupportLevel>(e.GetString("Level") ?? "L1"),
        e.GetDateTimeOffset("DueAt"),
        e.GetString("Assignee"),
        e.GetDateTimeOffset("CreatedAt") ?? default,
        WireName.TryParse<Category>(e.GetString("Category"), out var category) ? category : null,
        e.GetString("RequesterName"),
        e.GetString("RequesterEmail"),
        e.GetString("AssetTag"));
}
