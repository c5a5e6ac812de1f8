using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// Table <c>Assets</c>: every asset of the instance in one partition (<c>asset</c>), RowKey = tag. One instance serves
/// one company (hundreds to tens of thousands of assets), so a full read is a few pages of 1,000 — which is what the
/// maintenance scan and the export need, at about 0.001 storage requests per asset. Filtered columns are copied beside
/// the JSON document (<c>Type</c>, <c>Status</c>, lower-case <c>SiteKey</c>/<c>OwnerKey</c>/<c>OsKey</c>,
/// <c>WarrantyEnd</c> as sortable text).
/// Table <c>AssetLog</c>: one partition per tag; rows <c>log-{ticks}-{id}</c> (interventions, in time order) and
/// <c>ticket-{number}</c> (tickets that named the asset), kept apart so that scans never read them.
/// </summary>
public sealed class AssetStore(StorageClients storage)
{
    public const string AssetsTable = "Assets";
    public const string LogTable = "AssetLog";
    public const string Partition = "asset";
    public const int MaxBatch = 100;
    private const string LogPrefix = "log-";
    private const string TicketPrefix = "ticket-";

    private TableClient Table => storage.Table(AssetsTable);

    private TableClient Log => storage.Table(LogTable);

    public static string Key(string text) => text.Trim().ToLowerInvariant();

    public async Task<StoredAsset?> GetAsync(string tag, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, tag, cancellationToken: ct);
        return response.HasValue ? new StoredAsset(FromEntity(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Inserts a new asset; null when the tag exists already.</summary>
    public async Task<StoredAsset?> CreateAsync(Asset asset, CancellationToken ct)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(asset), ct);
            return new StoredAsset(asset, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the asset if it still has <paramref name="etag"/>; null when someone changed it meanwhile (412).</summary>
    public async Task<StoredAsset?> ReplaceAsync(Asset asset, ETag etag, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(asset), etag, TableUpdateMode.Replace, ct);
            return new StoredAsset(asset, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes up to <see cref="MaxBatch"/> assets in one transaction: new ones inserted, known ones replaced only if
    /// unchanged since read (their ETag). False when any of them changed or appeared meanwhile (nothing written).
    /// </summary>
    public async Task<bool> WriteBatchAsync(IReadOnlyList<(Asset Asset, ETag? ETag)> assets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Count == 0)
        {
            return true;
        }

        try
        {
            await Table.SubmitTransactionAsync(
                assets.Select(a => a.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(a.Asset), etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, ToEntity(a.Asset))),
                ct);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<AssetPage> ListAsync(AssetFilter filter, int pageSize, string? continuationToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await foreach (var page in Table.QueryAsync<TableEntity>(filter.ToTableFilter(), maxPerPage: pageSize, cancellationToken: ct)
            .AsPages(continuationToken, pageSize))
        {
            return new AssetPage([.. page.Values.Select(FromEntity)], page.ContinuationToken);
        }

        return new AssetPage([], null);
    }

    /// <summary>Every asset, page by page (1,000 per storage request).</summary>
    public async IAsyncEnumerable<StoredAsset> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            yield return new StoredAsset(FromEntity(entity), entity.ETag);
        }
    }

    /// <summary>Adds an intervention to the asset's log.</summary>
    public Task AppendLogAsync(string tag, AssetLogEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Log.AddEntityAsync(LogEntity(tag, entry, Guid.NewGuid().ToString("N")[..12]), ct);
    }

    /// <summary>Records that a ticket named the asset, once whatever the number of deliveries (deterministic row key).</summary>
    public Task LinkTicketAsync(string tag, int number, AssetLogEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = LogEntity(tag, entry, "");
        entity.RowKey = TicketPrefix + TicketStore.PartitionKey(number);
        return Log.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>The asset's log: interventions and linked tickets together, in time order.</summary>
    public async Task<IReadOnlyList<AssetLogEntry>> GetLogAsync(string tag, CancellationToken ct)
    {
        var entries = new List<AssetLogEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tag}");
        await foreach (var e in Log.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(new AssetLogEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Actor") ?? "", e.GetString("Text") ?? "", e.GetInt32("Ticket")));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    private static TableEntity LogEntity(string tag, AssetLogEntry entry, string id) =>
        new(tag, LogPrefix + entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + id)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Text"] = entry.Text,
            ["Ticket"] = entry.Ticket,
        };

    private static TableEntity ToEntity(Asset a) => new(Partition, a.Tag)
    {
        ["Type"] = WireName.Of(a.Type),
        ["Status"] = WireName.Of(a.Status),
        ["SiteKey"] = a.Site is null ? null : Key(a.Site),
        ["OwnerKey"] = a.Owner is null ? null : Key(a.Owner),
        ["OsKey"] = a.Os is null ? null : Key(a.Os),
        ["WarrantyEnd"] = a.WarrantyEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // The whole asset as JSON: one read gives everything, and new fields need no schema change.
        ["Data"] = JsonSerializer.Serialize(a, HelpdeskJson.Options),
    };

    private static Asset FromEntity(TableEntity e) =>
        JsonSerializer.Deserialize<Asset>(e.GetString("Data"), HelpdeskJson.Options)
        ?? throw new InvalidDataException($"Asset entity {e.RowKey} has no data.");
}
