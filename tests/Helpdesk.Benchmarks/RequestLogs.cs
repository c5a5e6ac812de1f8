namespace Helpdesk.Benchmarks;

/// <summary>Offsets in each log of a <see cref="RequestLogs"/>, taken together.</summary>
public readonly record struct LogPosition(long[] Offsets)
{
    /// <summary>Bytes of all logs up to here: for growth rates, not for reading.</summary>
    public long Bytes => Offsets.Sum();
}

/// <summary>
/// The debug logs of several Azurite processes read as one: the ticket store's and, when the task hub has its own
/// storage (<c>DurableStorage</c>), the task hub's. With more than one log, each request key is prefixed by the log's
/// label (<c>hub:</c>, <c>app:</c>), so that the per-URL breakdown says which account served it.
/// </summary>
public sealed class RequestLogs(params (string Label, RequestLog Log)[] logs)
{
    public LogPosition Now => new([.. logs.Select(l => l.Log.Length)]);

    /// <summary>Waits until each log has been quiet for <paramref name="quiet"/> (at most <paramref name="max"/> each).</summary>
    public async Task<LogPosition> SettleAsync(TimeSpan quiet, TimeSpan max)
    {
        var offsets = new long[logs.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            offsets[i] = await logs[i].Log.SettleAsync(quiet, max);
        }

        return new LogPosition(offsets);
    }

    public RequestCounts Read(LogPosition from, LogPosition to)
    {
        var total = 0;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var batches = new Dictionary<string, (int Batches, int Operations)>(StringComparer.Ordinal);
        for (var i = 0; i < logs.Length; i++)
        {
            var counts = logs[i].Log.Read(from.Offsets[i], to.Offsets[i]);
            var prefix = logs.Length > 1 ? logs[i].Label + ":" : "";
            total += counts.Total;
            foreach (var (key, value) in counts.ByKey)
            {
                byKey[prefix + key] = byKey.GetValueOrDefault(prefix + key) + value;
            }

            foreach (var (table, (n, operations)) in counts.Batches)
            {
                var (b, o) = batches.GetValueOrDefault(prefix + table);
                batches[prefix + table] = (b + n, o + operations);
            }
        }

        return new RequestCounts(total, byKey, batches);
    }
}
