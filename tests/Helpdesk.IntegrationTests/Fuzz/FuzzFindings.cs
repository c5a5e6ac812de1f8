using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Collects the outcome of every request (thread-safe): the status histogram, and failures grouped by kind, each with
/// its count and one reproducer. The three rules: no 5xx, no type name or stack trace in a body, no attachment blob
/// left unreferenced; also reported as failures: requests that got no answer at all (a dropped connection hides what
/// the host did) and requests the client could not send (a generator bug).
/// </summary>
public sealed partial class FuzzFindings
{
    private const int ShownAnswerBytes = 300;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _statuses = [];
    private readonly Dictionary<string, FuzzFailure> _failures = [];
    // Trace token → lowest index of a request that carried it (not the request: 100,000 bodies would not fit).
    private readonly Dictionary<string, int> _traces = [];

    public int Requests { get; private set; }

    public int ServerErrors { get; private set; }

    public int Leaks { get; private set; }

    public int NoAnswers { get; private set; }

    public int NotSent { get; private set; }

    public int UnreferencedBlobs { get; private set; }

    public IReadOnlyList<FuzzFailure> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _failures.Values.OrderByDescending(f => f.Count).ThenBy(f => f.Kind, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Status label → count, most frequent first.</summary>
    public IReadOnlyList<(string Status, int Count)> Histogram
    {
        get
        {
            lock (_lock)
            {
                return [.. _statuses.OrderBy(s => s.Key.Length).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value))];
            }
        }
    }

    public void Record(FuzzRequest request, FuzzResponse response)
    {
        lock (_lock)
        {
            Requests++;
            _statuses[response.StatusLabel] = _statuses.GetValueOrDefault(response.StatusLabel) + 1;
            if (request.Trace is { } trace && (!_traces.TryGetValue(trace, out var known) || request.Index < known))
            {
                _traces[trace] = request.Index;
            }

            if (response.NotSent)
            {
                NotSent++;
                Fail($"client could not send · {request.Case}", request, response.Detail ?? "");
                return;
            }

            if (response.Status is not { } status)
            {
                if (!response.Abandoned)
                {
                    NoAnswers++;
                    Fail($"no HTTP answer ({response.Problem}) · {request.Case}", request, response.Detail ?? "");
                }

                return;
            }

            var answer = $"HTTP {status}, body ({response.Body.Length} bytes): {Printable.Bytes(response.Body, ShownAnswerBytes)}";
            if (status >= 500)
            {
                ServerErrors++;
                Fail($"HTTP {status} · {request.Case}", request, answer);
            }

            if (LeakPatterns.Find(response.BodyText) is var (pattern, match))
            {
                Leaks++;
                Fail($"leak /{pattern}/ in HTTP {status} · {request.Case}", request, answer + "\n    leak in context: " + Around(response.BodyText, match));
            }
        }
    }

    /// <summary>
    /// A blob nobody references. Its name carries the trace token of the file name it was uploaded under
    /// (<c>{upload}/{n}-fz{trace}_…</c>), which names the first request sent with that trace; <paramref name="generator"/>
    /// rebuilds it as the reproducer.
    /// </summary>
    public void RecordUnreferencedBlob(string blobName, FuzzRequests generator)
    {
        lock (_lock)
        {
            UnreferencedBlobs++;
            var match = TraceToken().Match(blobName);
            var origin = match.Success && _traces.TryGetValue(match.Groups[1].Value, out var index) ? generator.Create(index) : null;

            Fail($"unreferenced attachment blob · {origin?.Case ?? "request not traced"}", origin, "blob " + blobName);
        }
    }

    /// <summary>The histogram on one line per status.</summary>
    public string HistogramText() => string.Join("\n", Histogram.Select(h => $"  {h.Status,-40} {h.Count,8}"));

    /// <summary>Every failure kind with its count and reproducer: the assertion message of the test.</summary>
    public string Report(int seed)
    {
        var failures = Failures;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} failure kind(s) in {Requests} requests (seed {seed}): ")
            .Append(CultureInfo.InvariantCulture, $"{ServerErrors} answers 5xx, {Leaks} leaks of type names or stack traces, {UnreferencedBlobs} unreferenced attachment blobs, ")
            .Append(CultureInfo.InvariantCulture, $"{NoAnswers} without any answer, {NotSent} not sent.\n")
            .Append("Replay one reproducer (after the priming requests): HELPDESK_FUZZ_SEED=<seed> HELPDESK_FUZZ_INDEX=<index> ")
            .Append("dotnet test tests/Helpdesk.IntegrationTests -c Release --filter FullyQualifiedName~HostFuzzTests\n");
        var n = 0;
        foreach (var failure in failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{++n}] {failure.Kind} — {failure.Count} time(s)\n");
            text.Append(failure.Example?.Describe() ?? "    (no reproducer: the blob's name carries no trace token)").Append('\n');
            text.Append("    ").Append(failure.Evidence).Append('\n');
        }

        return text.ToString();
    }

    private void Fail(string kind, FuzzRequest? request, string evidence)
    {
        if (_failures.TryGetValue(kind, out var known))
        {
            var replace = request is not null && (known.Example is null || request.Index < known.Example.Index);
            _failures[kind] = replace ? new FuzzFailure(kind, known.Count + 1, request, evidence) : known with { Count = known.Count + 1 };
        }
        else
        {
            _failures[kind] = new FuzzFailure(kind, 1, request, evidence);
        }
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 120);
        var end = Math.Min(text.Length, match.Index + match.Length + 120);
        return Printable.Text(text[start..end], 400);
    }

    [GeneratedRegex(@"fz(\d+)_")]
    private static partial Regex TraceToken();
}
