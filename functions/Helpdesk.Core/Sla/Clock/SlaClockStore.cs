using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Sla;

/// <summary>
/// Table <c>SlaClock</c>: one partition per ticket (PartitionKey = number, 10 digits). Each clock event is a row
/// <c>{At.UtcTicks:D19}-{dedupe id}</c> (so the log reads in time order) holding the event as JSON; next to it a
/// marker row <c>id-{dedupe id}</c> is inserted in the same batch, so a repeated write of the same event is refused
/// as a whole (409) even when it carries another time. <c>EffectsDone</c> on an action row says its mail or
/// escalation was carried out.
/// </summary>
public sealed class SlaClockStore(StorageClients storage) : ISlaClockLog
{
    private const string MarkerPrefix = "id-";

    private TableClient Table => storage.Table(StorageClients.SlaClockTable);

    public static string PartitionKey(int number) => number.ToString("D10", CultureInfo.InvariantCulture);

    public static string RowKey(DateTimeOffset at, string dedupeId) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + dedupeId;

    public async Task<IReadOnlyList<SlaLogEntry>> ReadEntriesAsync(int ticketNumber, CancellationToken ct)
    {
        // Event rows start with a digit; ':' sorts right after '9', before the marker rows.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(ticketNumber)} and RowKey lt {":"}");
        var entries = new List<SlaLogEntry>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var clockEvent = JsonSerializer.Deserialize<SlaClockEvent>(e.GetString("Event"), HelpdeskJson.Options)
                ?? throw new InvalidDataException($"SLA clock row {e.PartitionKey}/{e.RowKey} has no event.");
            entries.Add(new SlaLogEntry(clockEvent with { Sequence = entries.Count + 1 }, e.GetString("Id") ?? "", e.GetBoolean("EffectsDone") ?? false));
        }

        return entries;
    }

    public async Task<bool> AppendAsync(int ticketNumber, SlaClockEvent clockEvent, string dedupeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clockEvent);
        var pk = PartitionKey(ticketNumber);
        var row = new TableEntity(pk, RowKey(clockEvent.At, dedupeId))
        {
            ["Id"] = dedupeId,
            ["Type"] = clockEvent.GetType().Name,
            ["At"] = clockEvent.At,
            ["Event"] = JsonSerializer.Serialize(clockEvent with { Sequence = 0 }, HelpdeskJson.Options),
            ["EffectsDone"] = false,
        };
        var marker = new TableEntity(pk, MarkerPrefix + dedupeId) { ["EventRow"] = row.RowKey };
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, marker), new TableTransactionAction(TableTransactionActionType.Add, row)],
                ct);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task MarkEffectsDoneAsync(int ticketNumber, SlaLogEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var update = new TableEntity(PartitionKey(ticketNumber), RowKey(entry.Event.At, entry.Id)) { ["EffectsDone"] = true };
        try
        {
            await Table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not stored under that key (should not happen): the side effects are idempotent, so repeating them is safe.
        }
    }
}
