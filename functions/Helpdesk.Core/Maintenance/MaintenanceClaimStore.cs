using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// Table <c>MaintenanceClaims</c>: every claimed reminder in one partition (<c>claim</c>), RowKey =
/// <c>{tag}|{rule}|{threshold}</c>. One partition so that a scan reads them all in a few requests (1,000 per page) and
/// writes new ones, marks and deletions in transactions of 100.
/// </summary>
public sealed class MaintenanceClaimStore(StorageClients storage)
{
    public const string TableName = "MaintenanceClaims";
    public const string Partition = "claim";

    private TableClient Table => storage.Table(TableName);

    public async IAsyncEnumerable<MaintenanceClaim> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            yield return FromEntity(e);
        }
    }

    /// <summary>Inserts new claims, 100 per transaction. A claim that exists already (another scan) is left as it is.</summary>
    public async Task AddAsync(IReadOnlyList<MaintenanceClaim> claims, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var batch in claims.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(c => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(c))), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                foreach (var claim in batch)
                {
                    try
                    {
                        await Table.AddEntityAsync(ToEntity(claim), ct);
                    }
                    catch (RequestFailedException one) when (one.Status == 409)
                    {
                        // Claimed meanwhile: the existing claim (and what it records as done) wins.
                    }
                }
            }
        }
    }

    public Task SetTicketAsync(string key, int number, CancellationToken ct) =>
        Table.UpdateEntityAsync(new TableEntity(Partition, key) { ["Ticket"] = number }, ETag.All, TableUpdateMode.Merge, ct);

    public async Task MarkMailedAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var batch in keys.Chunk(100))
        {
            await Table.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, k) { ["Mailed"] = true }, ETag.All)), ct);
        }
    }

    public async Task DeleteAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var batch in keys.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)), ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var key in batch)
                {
                    await Table.DeleteEntityAsync(Partition, key, ETag.All, ct);
                }
            }
        }
    }

    private static TableEntity ToEntity(MaintenanceClaim c) => new(Partition, c.Key)
    {
        ["Tag"] = c.Tag,
        ["Rule"] = c.Rule,
        ["Threshold"] = c.Threshold,
        ["Urgency"] = WireName.Of(c.Urgency),
        ["OpensTicket"] = c.OpensTicket,
        ["Subject"] = c.Subject,
        ["Description"] = c.Description,
        ["Category"] = c.Category,
        ["Impact"] = c.Impact,
        ["ClaimedAt"] = c.ClaimedAt,
        ["Ticket"] = c.Ticket,
        ["Mailed"] = c.Mailed,
    };

    private static MaintenanceClaim FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("Tag") ?? "",
        e.GetString("Rule") ?? "",
        e.GetString("Threshold") ?? "",
        WireName.Parse<Urgency>(e.GetString("Urgency") ?? "planned"),
        e.GetBoolean("OpensTicket") ?? false,
        e.GetString("Subject") ?? "",
        e.GetString("Description") ?? "",
        e.GetString("Category") ?? "other",
        e.GetString("Impact") ?? "individual",
        e.GetDateTimeOffset("ClaimedAt") ?? default,
        e.GetInt32("Ticket"),
        e.GetBoolean("Mailed") ?? false);
}
