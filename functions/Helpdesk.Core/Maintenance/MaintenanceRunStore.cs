using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// Table <c>MaintenanceRuns</c>: partition <c>run</c>, RowKey = ticks counted down from the end of time, so that the
/// newest run comes first and "the last runs" is one small query.
/// </summary>
public sealed class MaintenanceRunStore(StorageClients storage)
{
    public const string TableName = "MaintenanceRuns";
    public const string Partition = "run";

    private TableClient Table => storage.Table(TableName);

    public static string IdOf(DateTimeOffset startedAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - startedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public Task WriteAsync(MaintenanceRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Table.UpsertEntityAsync(new TableEntity(Partition, run.Id)
        {
            ["Status"] = run.Status,
            ["StartedAt"] = run.StartedAt,
            ["Data"] = JsonSerializer.Serialize(run, HelpdeskJson.Options),
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The newest runs first; <paramref name="before"/> (a run id) skips that run and newer ones.</summary>
    public async Task<IReadOnlyList<MaintenanceRun>> LatestAsync(int count, string? before, CancellationToken ct)
    {
        var filter = before is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {before}");
        var runs = new List<MaintenanceRun>();
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, maxPerPage: count, cancellationToken: ct).AsPages(pageSizeHint: count))
        {
            runs.AddRange(page.Values.Select(e => JsonSerializer.Deserialize<MaintenanceRun>(e.GetString("Data"), HelpdeskJson.Options)!));
            if (runs.Count >= count)
            {
                break;
            }
        }

        return [.. runs.Take(count)];
    }
}
