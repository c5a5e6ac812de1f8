using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Table <c>Tickets</c>: one partition per ticket (PartitionKey = number, 10 digits). Row <c>ticket</c> holds the
/// ticket; rows <c>tl-{ticks}-{id}</c> hold its timeline in time order. Keeping both in one partition lets a change and
/// its timeline line commit in one batch, guarded by the ticket's ETag.
/// </summary>
public sealed class TicketStore(StorageClients storage)
{
    public const string TicketRow = "ticket";
    private const string TimelinePrefix = "tl-";

    private TableClient Table => storage.Table(StorageClients.TicketsTable);

    public static string PartitionKey(int number) => number.ToString("D10", CultureInfo.InvariantCulture);

    public static string TimelineRowKey(DateTimeOffset at, string id) =>
        TimelinePrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + id;

    public async Task<StoredTicket?> GetAsync(int number, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(number), TicketRow, cancellationToken: ct);
        return response.HasValue ? new StoredTicket(FromEntity(response.Value!), response.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(int number, CancellationToken ct) =>
        [.. (await GetTimelineRowsAsync(number, ct)).Select(r => r.Entry)];

    /// <summary>The timeline in order, each line with its row key: one query serves lookups by id and by time.</summary>
    public async Task<IReadOnlyList<TimelineRow>> GetTimelineRowsAsync(int number, CancellationToken ct)
    {
        var pk = PartitionKey(number);
        var rows = new List<TimelineRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {TimelinePrefix} and RowKey lt {"tl."}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(new TimelineRow(e.RowKey, TimelineFromEntity(e)));
        }

        return rows;
    }

    /// <summary>
    /// Every ticket numbered above <paramref name="afterNumber"/>, in number order (partition keys are the numbers,
    /// zero-padded): a scan of the whole table, for rare jobs that rebuild an index (the console's backfill).
    /// </summary>
    public async IAsyncEnumerable<Ticket> ListAfterAsync(int afterNumber, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {PartitionKey(afterNumber)} and RowKey eq {TicketRow}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            yield return FromEntity(e);
        }
    }

    /// <summary>Writes a new ticket and its first timeline line. Returns false if the number already exists.</summary>
    public async Task<bool> CreateAsync(Ticket ticket, TimelineEntry created, string entryId, CancellationToken ct)
    {
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(ticket)),
                    new TableTransactionAction(TableTransactionActionType.Add, TimelineEntity(ticket.Number, created, entryId)),
                ],
                ct);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the ticket if it still has <paramref name="etag"/> and appends the timeline line, atomically.</summary>
    public Task<ETag> UpdateAsync(TicketChange change, ETag etag, string entryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ReplaceAsync(change.After, change.Entry, etag, entryId, ct);
    }

    /// <summary>
    /// Replaces the ticket if it still has <paramref name="etag"/> and appends <paramref name="entry"/>, atomically: for
    /// changes that are not workflow commands (a requester's files added from the status page).
    /// </summary>
    public async Task<ETag> ReplaceAsync(Ticket after, TimelineEntry entry, ETag etag, string entryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(after);
        try
        {
            var response = await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(after), etag),
                    new TableTransactionAction(TableTransactionActionType.Add, TimelineEntity(after.Number, entry, entryId)),
                ],
                ct);
            return response.Value[0].Headers.ETag ?? default;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrencyConflictException(after.Number, ex);
        }
    }

    /// <summary>
    /// Appends a timeline line without touching the ticket row, so concurrent appends never conflict (each line has
    /// its own row key).
    /// </summary>
    public Task AppendAsync(int number, TimelineEntry entry, string entryId, CancellationToken ct) =>
        Table.AddEntityAsync(TimelineEntity(number, entry, entryId), ct);

    /// <summary>Records a timeline line under a deterministic id, so that a repeated delivery writes it once.</summary>
    public Task RecordAsync(int number, TimelineEntry entry, string entryId, CancellationToken ct) =>
        Table.UpsertEntityAsync(TimelineEntity(number, entry, entryId), TableUpdateMode.Replace, ct);

    /// <summary>One timeline line, by the time and id it was written under (the id ends a ticket event's id), or null.</summary>
    public async Task<TimelineEntry?> GetTimelineEntryAsync(int number, DateTimeOffset at, string entryId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(number), TimelineRowKey(at, entryId), cancellationToken: ct);
        return response.HasValue ? TimelineFromEntity(response.Value!) : null;
    }

    public async Task<bool> HasRecordAsync(int number, DateTimeOffset at, string entryId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey(number), TimelineRowKey(at, entryId), select: ["RowKey"], cancellationToken: ct);
        return response.HasValue;
    }

    private static TableEntity ToEntity(Ticket t) => new(PartitionKey(t.Number), TicketRow)
    {
        ["Number"] = t.Number,
        ["Status"] = WireName.Of(t.Status),
        ["Priority"] = t.Priority.ToString(),
        ["Level"] = t.Level.ToString(),
        ["DueAt"] = t.DueAt,
        ["RequesterEmail"] = t.Requester.Email,
        ["Assignee"] = t.Assignee,
        ["CreatedAt"] = t.CreatedAt,
        ["UpdatedAt"] = t.UpdatedAt,
        // The whole ticket as JSON: one read gives everything, and new fields need no schema change.
        ["Data"] = JsonSerializer.Serialize(t, HelpdeskJson.Options),
    };

    private static Ticket FromEntity(TableEntity e) =>
        JsonSerializer.Deserialize<Ticket>(e.GetString("Data"), HelpdeskJson.Options)
        ?? throw new InvalidDataException($"Ticket entity {e.PartitionKey} has no data.");

    private static TableEntity TimelineEntity(int number, TimelineEntry entry, string entryId) =>
        new(PartitionKey(number), TimelineRowKey(entry.At, entryId))
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Kind"] = entry.Kind,
            ["Text"] = entry.Text,
            ["Visibility"] = WireName.Of(entry.Visibility),
            ["Data"] = entry.Data is null ? null : JsonSerializer.Serialize(entry.Data, HelpdeskJson.Options),
        };

    private static TimelineEntry TimelineFromEntity(TableEntity e)
    {
        var data = e.GetString("Data");
        return new TimelineEntry(
            e.GetDateTimeOffset("At") ?? default,
            e.GetString("Actor") ?? "",
            e.GetString("Kind") ?? "",
            e.GetString("Text") ?? "",
            WireName.Parse<Visibility>(e.GetString("Visibility") ?? "internal"),
            data is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(data, HelpdeskJson.Options));
    }
}
