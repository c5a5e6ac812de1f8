using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Operations;

/// <summary>
/// Where the SLA reconciler records its last run: one row (table <c>Operations</c>, partition <c>sla-reconcile</c>,
/// row <c>last</c>), replaced by each run, so the operations page reads it with one point read.
/// </summary>
public sealed class ReconcileRuns(StorageClients storage)
{
    public const string TableName = "Operations";
    public const string Partition = "sla-reconcile";
    public const string Row = "last";

    private TableClient Table => storage.Table(TableName);

    public async Task RecordAsync(ReconcileRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(Partition, Row)
        {
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["Open"] = run.Open,
            ["Started"] = run.Started,
            ["LogsRecreated"] = run.LogsRecreated,
            ["Stopped"] = run.Stopped,
            ["Error"] = run.Error,
        };
        // Last writer wins on purpose: runs do not overlap (one schedule), and the newest run is the one to show.
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>The last run, or null when the reconciler never ran on this instance.</summary>
    public async Task<ReconcileRun?> LastAsync(CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }

        return new ReconcileRun(
            e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("FinishedAt") ?? DateTimeOffset.MinValue,
            e.GetInt32("Open") ?? 0,
            e.GetInt32("Started") ?? 0,
            e.GetInt32("LogsRecreated") ?? 0,
            e.GetInt32("Stopped") ?? 0,
            e.GetString("Error"));
    }
}
