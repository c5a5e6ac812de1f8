using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Idempotency keys, scoped to the tenant (one instance serves one company): table <c>TicketIndex</c>, partition
/// <see cref="Partition"/>, row <c>sha256(key)</c> with the number, payload hash and creation time of the request that
/// claimed it first. Any later request under that key, whoever sends it, finds the claim: the same request gets the
/// first ticket, a different one 422.
/// </summary>
public sealed class IdempotencyClaims(StorageClients storage)
{
    public const string Partition = "idem";

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    /// <summary>Claims <paramref name="key"/> for ticket <paramref name="number"/>; null when claimed now, else the earlier claim.</summary>
    public async Task<IdempotencyClaim?> ClaimAsync(string key, int number, string payloadHash, DateTimeOffset createdAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = RowKey(key);
        try
        {
            await Table.AddEntityAsync(new TableEntity(Partition, row)
            {
                ["Number"] = number,
                ["PayloadHash"] = payloadHash,
                ["CreatedAt"] = createdAt,
            }, ct);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var earlier = (await Table.GetEntityAsync<TableEntity>(Partition, row, cancellationToken: ct)).Value;
            return new IdempotencyClaim(earlier.GetInt32("Number") ?? 0, earlier.GetString("PayloadHash") ?? "", earlier.GetDateTimeOffset("CreatedAt") ?? default);
        }
    }

    public static string RowKey(string key) => StorageKeys.Hash(key);
}
