using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

/// <summary>
/// Table <c>Providers</c>: the tenant's directory in one partition (<c>provider</c>, RowKey = id, the provider as a JSON
/// document). A directory holds tens of entries, so every lookup reads the whole partition in one request.
/// The providers written in settings (<c>Helpdesk:Providers:Directory</c>) are a seed: imported once, the first time the
/// directory is read, and marked done by the row <c>seed/settings</c>; from then on the API is the truth and the
/// settings are not read again (a provider deleted through the API does not come back at the next start).
/// </summary>
public sealed class ProviderStore(StorageClients storage, IOptions<ProviderDirectoryOptions> seed, TimeProvider time, ILogger<ProviderStore> logger)
{
    public const string Table = "Providers";
    public const string Partition = "provider";
    private const string SeedPartition = "seed";
    private const string SeedRow = "settings";

    private volatile bool _seeded;
    private long _version;

    /// <summary>Counts this instance's writes to the directory through the API (the seed import happens inside the first read, so that read sees it), so that a cached copy (<see cref="ProviderEmergencyLines"/>) knows it is stale.</summary>
    public long Version => Interlocked.Read(ref _version);

    private TableClient Client => storage.Table(Table);

    public async Task<IReadOnlyList<StoredProvider>> ListAsync(CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        var result = new List<StoredProvider>();
        await foreach (var entity in Client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            result.Add(FromEntity(entity));
        }

        return [.. result.OrderBy(p => p.Provider.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Provider.Id, StringComparer.Ordinal)];
    }

    public async Task<StoredProvider?> GetAsync(string id, CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        var response = await Client.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Inserts a new provider; null when the id is taken.</summary>
    public async Task<StoredProvider?> CreateAsync(Provider provider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await EnsureSeededAsync(ct);
        try
        {
            var response = await Client.AddEntityAsync(ToEntity(provider), ct);
            Interlocked.Increment(ref _version);
            return new StoredProvider(provider, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the provider if it still has <paramref name="etag"/>; null when it changed or went meanwhile.</summary>
    public async Task<StoredProvider?> ReplaceAsync(Provider provider, ETag etag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        try
        {
            var response = await Client.UpdateEntityAsync(ToEntity(provider), etag, TableUpdateMode.Replace, ct);
            Interlocked.Increment(ref _version);
            return new StoredProvider(provider, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the provider if it still has <paramref name="etag"/> (any version with <see cref="ETag.All"/>); false when it changed meanwhile.</summary>
    public async Task<bool> DeleteAsync(string id, ETag etag, CancellationToken ct)
    {
        try
        {
            await Client.DeleteEntityAsync(Partition, id, etag, ct);
            Interlocked.Increment(ref _version);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Imports the settings seed once per storage account. Each provider is inserted only if its id is free (a second
    /// instance starting at the same moment, or a retry after a crash, inserts nothing twice); the marker row is written
    /// last, so a crash half-way imports the rest next time.
    /// </summary>
    private async Task EnsureSeededAsync(CancellationToken ct)
    {
        if (_seeded)
        {
            return;
        }

        var marker = await Client.GetEntityIfExistsAsync<TableEntity>(SeedPartition, SeedRow, cancellationToken: ct);
        if (!marker.HasValue)
        {
            var now = time.GetUtcNow();
            var imported = 0;
            foreach (var options in seed.Value.Directory)
            {
                try
                {
                    await Client.AddEntityAsync(ToEntity(ProviderReader.FromOptions(options, now)), ct);
                    imported++;
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Already there: written through the API, or by an earlier import that stopped before its marker.
                }
            }

            try
            {
                await Client.AddEntityAsync(new TableEntity(SeedPartition, SeedRow) { ["ImportedAt"] = now, ["Count"] = imported }, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance finished the same import.
            }

            ProvidersLog.SeedImported(logger, imported, seed.Value.Directory.Count);
        }

        _seeded = true;
    }

    private static TableEntity ToEntity(Provider provider) => new(Partition, provider.Id)
    {
        ["Name"] = provider.Name,
        ["Doc"] = JsonSerializer.Serialize(provider, HelpdeskJson.Options),
    };

    private static StoredProvider FromEntity(TableEntity entity) =>
        new(JsonSerializer.Deserialize<Provider>(entity.GetString("Doc") ?? "{}", HelpdeskJson.Options)
            ?? throw new InvalidDataException($"Provider '{entity.RowKey}' has no document."), entity.ETag);
}
