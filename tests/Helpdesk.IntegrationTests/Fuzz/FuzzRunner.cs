namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Sends requests of the generator with bounded concurrency into <see cref="FuzzFindings"/>: the priming requests
/// first (so that tickets exist), then the rest. Stops early at the time limit, or when a request got no answer and
/// <c>hostGone</c> says the host is gone (figures would then describe a dead host).
/// </summary>
public sealed class FuzzRunner(FuzzRequests generator, FuzzSender sender, FuzzFindings findings)
{
    /// <summary>Requests 0..count-1.</summary>
    public Task<FuzzRun> RunAsync(int count, int concurrency, TimeSpan timeLimit, Func<string?>? hostGone = null, Action<int>? progress = null) =>
        RunAsync([.. Enumerable.Range(0, count)], concurrency, timeLimit, hostGone, progress);

    /// <summary>The priming requests, then the requests at <paramref name="indexes"/> (to replay one reproducer).</summary>
    /// <param name="hostGone">Asked after a request got no answer: why the host is gone, or null while it runs.</param>
    /// <param name="progress">Called with the number of requests sent so far, after each one.</param>
    public async Task<FuzzRun> RunAsync(IReadOnlyCollection<int> indexes, int concurrency, TimeSpan timeLimit, Func<string?>? hostGone = null,
        Action<int>? progress = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(timeLimit);
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token };
        var sent = 0;
        string? stoppedBecause = null;

        async ValueTask SendOneAsync(int index, CancellationToken ct)
        {
            var request = generator.Create(index);
            var response = await sender.SendAsync(request, ct);
            findings.Record(request, response);
            var sentSoFar = Interlocked.Increment(ref sent);
            progress?.Invoke(sentSoFar);
            if (response.Status is null && !response.Abandoned && hostGone?.Invoke() is { } reason)
            {
                Interlocked.CompareExchange(ref stoppedBecause, reason, null);
                await stop.CancelAsync();
            }
        }

        var priming = Enumerable.Range(0, FuzzRequests.PrimingCount).ToList();
        var requested = priming.Union(indexes).Count();
        try
        {
            await Parallel.ForEachAsync(priming, options, SendOneAsync);
            await Parallel.ForEachAsync(indexes.Where(i => i >= FuzzRequests.PrimingCount), options, SendOneAsync);
        }
        catch (OperationCanceledException)
        {
            Interlocked.CompareExchange(ref stoppedBecause, $"the time limit ({timeLimit.TotalSeconds:0} s) was reached", null);
        }

        return new FuzzRun(requested, sent, started.Elapsed, stoppedBecause);
    }
}
