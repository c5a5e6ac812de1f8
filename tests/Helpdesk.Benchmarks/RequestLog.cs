using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.Benchmarks;

/// <summary>What Azurite served between two points of its <c>--debug</c> log.</summary>
/// <param name="Total">Requests (one <c>RequestMethod=… RequestURL=…</c> line each).</param>
/// <param name="ByKey">Requests per "service method path" (entity keys, message ids and query strings elided).</param>
/// <param name="Batches">Table batches per target table: how many, and how many operations they held in all.</param>
public sealed record RequestCounts(int Total, IReadOnlyDictionary<string, int> ByKey, IReadOnlyDictionary<string, (int Batches, int Operations)> Batches)
{
    public int Count(Func<string, bool> keyFilter) => ByKey.Where(kv => keyFilter(kv.Key)).Sum(kv => kv.Value);
}

/// <summary>
/// Reads Azurite's debug log. Offsets are taken at quiet points (<see cref="SettleAsync"/>), so that a range holds whole
/// requests. Lines look like <c>{time} {requestId} info: TableStorageContextMiddleware: RequestMethod=POST
/// RequestURL=http://127.0.0.1/devstoreaccount1/$batch RequestHeaders:{…}</c>; a table batch also logs its body
/// (<c>TableHandler:batch() Raw request string is "…"</c>), which names the table and holds one request line per operation.
/// </summary>
public sealed partial class RequestLog(string path)
{
    /// <summary>Requests to this table are the benchmark's own (a responsiveness probe) and are not counted.</summary>
    public const string ExcludedTable = "ProbeZ";

    public long Length => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Waits until the log has not grown for <paramref name="quiet"/> (at most <paramref name="max"/>) and returns its length.</summary>
    public async Task<long> SettleAsync(TimeSpan quiet, TimeSpan max)
    {
        var waited = Stopwatch.StartNew();
        var length = Length;
        var since = waited.Elapsed;
        while (waited.Elapsed - since < quiet && waited.Elapsed < max)
        {
            await Task.Delay(50);
            var now = Length;
            if (now != length)
            {
                length = now;
                since = waited.Elapsed;
            }
        }

        return length;
    }

    /// <summary>
    /// Counts the requests between two offsets. Azurite writes this log through a buffered stream that falls seconds
    /// behind under load (and stamps lines when it writes them), so take the end offset once the log has caught up.
    /// </summary>
    public RequestCounts Read(long from, long to)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var batches = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var line in File.Exists(path) ? Lines(from, to) : [])
        {
            var method = Value(line, "RequestMethod=");
            var url = Value(line, "RequestURL=");
            if (method is not null && url is not null)
            {
                if (url.Contains("/" + ExcludedTable, StringComparison.Ordinal))
                {
                    continue; // the benchmark's own probe
                }

                total++;
                var key = $"{Service(line)} {method} {Normalize(url)}";
                byKey[key] = byKey.GetValueOrDefault(key) + 1;
                continue;
            }

            var body = line.IndexOf("TableHandler:batch() Raw request string is", StringComparison.Ordinal);
            if (body >= 0)
            {
                var operations = BatchOperation().Matches(line, body);
                var table = operations.Count > 0 ? operations[0].Groups[1].Value + PartitionKind(FirstPartitionKey(line, body)) : "?";
                var (n, ops) = batches.GetValueOrDefault(table);
                batches[table] = (n + 1, ops + operations.Count);
            }
        }

        return new RequestCounts(total, byKey, batches);
    }

    private IEnumerable<string> Lines(long from, long to)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = from;
        var buffer = new byte[1 << 20];
        var pending = new List<byte>();
        var remaining = to - from;
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                break;
            }

            remaining -= read;
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                pending.AddRange(new ArraySegment<byte>(buffer, start, i - start));
                yield return Encoding.UTF8.GetString([.. pending]);
                pending.Clear();
                start = i + 1;
            }

            pending.AddRange(new ArraySegment<byte>(buffer, start, read - start));
        }

        if (pending.Count > 0)
        {
            yield return Encoding.UTF8.GetString([.. pending]);
        }
    }

    private static string? Value(string line, string name)
    {
        var at = line.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        at += name.Length;
        var end = line.IndexOf(' ', at);
        return end < 0 ? line[at..] : line[at..end];
    }

    private static string Service(string line) =>
        line.Contains("TableStorageContextMiddleware", StringComparison.Ordinal) ? "table"
        : line.Contains("QueueStorageContextMiddleware", StringComparison.Ordinal) ? "queue"
        : line.Contains("BlobStorageContextMiddleware", StringComparison.Ordinal) ? "blob"
        : "?";

    /// <summary><c>http://127.0.0.1/devstoreaccount1/Tickets(PartitionKey='1',RowKey='x')?a=b</c> → <c>/Tickets(…)</c>.</summary>
    private static string Normalize(string url)
    {
        var path = url;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.StartsWith("/" + Azurite.AccountName, StringComparison.Ordinal))
        {
            path = path[(Azurite.AccountName.Length + 1)..];
        }

        path = EntityKeys().Replace(path, "(…)");
        path = MessageId().Replace(path, "/messages/{id}");
        path = ControlQueue().Replace(path, "-control-NN");
        if (path.Contains('/', StringComparison.Ordinal) && path.LastIndexOf('/') > 0 && !path.Contains("/messages", StringComparison.Ordinal) && !path.StartsWith("/$batch", StringComparison.Ordinal))
        {
            // A blob: /container/name → /container/{blob}
            path = path[..path.IndexOf('/', 1)] + "/{blob}";
        }

        return path.Length == 0 ? "/" : path;
    }

    [GeneratedRegex(@"\((PartitionKey|%27|').*\)$")]
    private static partial Regex EntityKeys();

    [GeneratedRegex(@"-control-\d+")]
    private static partial Regex ControlQueue();

    [GeneratedRegex(@"/messages/[^/]+$")]
    private static partial Regex MessageId();

    /// <summary>The first entity body's PartitionKey (JSON-escaped in the log: <c>{\"PartitionKey\":\"queues\"</c>).</summary>
    private static string FirstPartitionKey(string line, int from)
    {
        const string marker = "PartitionKey\\\":\\\"";
        var at = line.IndexOf(marker, from, StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        at += marker.Length;
        var end = line.IndexOf('\\', at);
        return end < 0 ? "" : line[at..end];
    }

    /// <summary>The first operation's partition, by kind: <c>queues</c>, <c>req-*</c> (a requester), <c>{number}</c> (a ticket).</summary>
    private static string PartitionKind(string partitionKey) =>
        partitionKey.Length == 0 ? ""
        : partitionKey.StartsWith("req-", StringComparison.Ordinal) ? " [req-*]"
        : partitionKey.All(char.IsAsciiDigit) ? " [{number}]"
        : partitionKey.StartsWith("sla-", StringComparison.Ordinal) ? " [sla-*]"
        : $" [{partitionKey}]";

    [GeneratedRegex(@"(?:GET|POST|PUT|PATCH|MERGE|DELETE) https?://[^/\s]+/devstoreaccount1/([A-Za-z0-9]+)")]
    private static partial Regex BatchOperation();
}
