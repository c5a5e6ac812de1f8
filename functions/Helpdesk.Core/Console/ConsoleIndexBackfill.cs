using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Console;

/// <summary>
/// The console's two indexes (<see cref="KnownRequesters"/>, <see cref="ClosedTicketSearch"/>) are kept by ticket
/// events since they exist; tickets created or closed before then are missing from them. Once per installation, in
/// the background after start (never holding the start up: Flex Consumption allows 30 s), this reads every ticket and
/// adds what is missing: a resolved or closed ticket's search row, written from the ticket as it is (as the event
/// handler does); a requester's row only where none exists (a row a newer ticket wrote is never replaced).
/// A marker row (<c>TicketIndex</c>, <c>backfill</c>/<c>console-indexes</c>) keeps the last ticket done: a stop
/// part-way resumes there at the next start, and once done each start costs one point read. Idempotent, so two
/// instances starting together only do the work twice.
/// </summary>
public sealed class ConsoleIndexBackfill(StorageClients storage, TicketStore tickets, ILogger<ConsoleIndexBackfill> logger) : BackgroundService
{
    public const string MarkerPartition = "backfill";
    public const string MarkerRow = "console-indexes";

    /// <summary>Tickets between two checkpoints of the marker (one page of the scan).</summary>
    public const int CheckpointEvery = 1000;

    private const int BatchSize = 100;

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    private int _after;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: the marker says where to resume.
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidDataException or System.Text.Json.JsonException)
        {
            // A background job must not stop the host; the next start resumes from the marker.
            ConsoleLog.BackfillFailed(logger, ex, _after);
        }
    }

    /// <summary>Runs the backfill unless the marker says it is done; returns what it did (null when already done).</summary>
    public async Task<BackfillResult?> RunAsync(CancellationToken ct)
    {
        var marker = await Table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: ct);
        if (marker.HasValue && marker.Value!.GetBoolean("Done") == true)
        {
            return null;
        }

        var start = marker.HasValue ? marker.Value!.GetInt32("After") ?? 0 : 0;
        _after = start;
        var existing = await KnownAddressesAsync(ct);
        var closed = new List<TableTransactionAction>();
        var requesters = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        int read = 0, closedRows = 0, requesterRows = 0;
        await foreach (var t in tickets.ListAfterAsync(start, ct))
        {
            read++;
            if (!t.Status.IsOpen())
            {
                closed.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ClosedTicketSearch.RowOf(t)));
            }

            // The phone form's people: not automated senders; the newest ticket of an address gives its name.
            if (t.NoAutoReply is null && !string.IsNullOrWhiteSpace(t.Requester.Email) && !existing.Contains(StorageKeys.Address(t.Requester.Email)))
            {
                requesters[StorageKeys.Address(t.Requester.Email)] = KnownRequesters.RowOf(t.Requester.Name, t.Requester.Email, t.Number);
            }

            if (closed.Count == BatchSize)
            {
                closedRows += await SubmitAsync(closed, ct);
            }

            _after = t.Number;
            if (read % CheckpointEvery == 0)
            {
                closedRows += await SubmitAsync(closed, ct);
                requesterRows += await AddRequestersAsync(requesters, existing, ct);
                await MarkAsync(false, ct);
            }
        }

        closedRows += await SubmitAsync(closed, ct);
        requesterRows += await AddRequestersAsync(requesters, existing, ct);
        await MarkAsync(true, ct);
        ConsoleLog.Backfilled(logger, read, start, closedRows, requesterRows);
        return new BackfillResult(read, closedRows, requesterRows);
    }

    private async Task<HashSet<string>> KnownAddressesAsync(CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KnownRequesters.Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(e.RowKey);
        }

        return keys;
    }

    private async Task<int> SubmitAsync(List<TableTransactionAction> actions, CancellationToken ct)
    {
        if (actions.Count == 0)
        {
            return 0;
        }

        await Table.SubmitTransactionAsync(actions, ct);
        var count = actions.Count;
        actions.Clear();
        return count;
    }

    /// <summary>
    /// Adds the requesters found so far, 100 to a batch; inserts, never replaces: when a ticket event wrote one of them
    /// meanwhile, the batch fails and that batch goes one by one, leaving the event's row.
    /// </summary>
    private async Task<int> AddRequestersAsync(Dictionary<string, TableEntity> found, HashSet<string> existing, CancellationToken ct)
    {
        var added = 0;
        foreach (var chunk in found.Values.Chunk(BatchSize))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
                added += chunk.Length;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                foreach (var row in chunk)
                {
                    try
                    {
                        await Table.AddEntityAsync(row, ct);
                        added++;
                    }
                    catch (RequestFailedException one) when (one.Status == 409)
                    {
                        // Written by a new ticket's event in the meantime: that row is newer.
                    }
                }
            }
        }

        existing.UnionWith(found.Keys);
        found.Clear();
        return added;
    }

    private async Task MarkAsync(bool done, CancellationToken ct) =>
        await Table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["After"] = _after, ["Done"] = done }, TableUpdateMode.Replace, ct);
}
