using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Benchmarks;

public sealed record LoadResult(int Created, int Failed, TimeSpan Elapsed, long[] LatencyTicks, IReadOnlyDictionary<string, int> Failures)
{
    public double PerSecond => Created / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatencyTicks.Order().ToArray();
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Ms(sorted[Math.Clamp(index, 0, sorted.Length - 1)]);
    }

    public double MaxMs => LatencyTicks.Length == 0 ? double.NaN : Ms(LatencyTicks.Max());

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Concurrent requesters posting the HTML form as a browser does (urlencoded, Accept: text/html, a fresh formToken each).</summary>
public sealed class FormClients(Uri baseAddress, int clients) : IDisposable
{
    private static readonly string[] Categories = [.. WireName.All<Category>()];
    private static readonly string[] Impacts = [.. WireName.All<Impact>()];
    private static readonly string[] CanWorks = [.. WireName.All<CanWork>()];
    private static readonly string Description = string.Concat(Enumerable.Repeat("My screen stays black since this morning; I tried another cable. ", 5));

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Posts for <paramref name="duration"/> (a monotonic clock) or until <paramref name="maxTickets"/> posts were sent, whichever comes first.</summary>
    public async Task<LoadResult> RunAsync(TimeSpan duration, int maxTickets = int.MaxValue)
    {
        var issued = 0;
        var created = 0;
        var failures = new Dictionary<string, int>();
        var latencies = new List<long>[clients];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = new List<long>(8192);
            var random = new Random(c * 7919 + Environment.TickCount);
            while (stopwatch.Elapsed < duration && Interlocked.Increment(ref issued) <= maxTickets)
            {
                var start = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await PostAsync(random);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failure = ex.GetType().Name;
                }

                var ticks = Stopwatch.GetTimestamp() - start;
                if (failure is null)
                {
                    mine.Add(ticks);
                    Interlocked.Increment(ref created);
                }
                else
                {
                    lock (failures)
                    {
                        failures[failure] = failures.GetValueOrDefault(failure) + 1;
                    }
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();
        return new LoadResult(created, failures.Values.Sum(), stopwatch.Elapsed, [.. latencies.SelectMany(l => l)], failures);
    }

    private async Task<string?> PostAsync(Random random)
    {
        var requester = random.Next(500);
        var lang = random.Next(2) == 0 ? "fr" : "en";
        var fields = new Dictionary<string, string>
        {
            ["formToken"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["lang"] = lang,
            ["name"] = $"Requester {requester}",
            ["email"] = $"requester.{requester}@example.be",
            ["phone"] = "",
            ["subject"] = $"Black screen on PC-{random.Next(10_000):D4}",
            ["description"] = Description,
            ["category"] = Categories[random.Next(Categories.Length)],
            ["impact"] = Impacts[random.Next(Impacts.Length)],
            ["canWork"] = CanWorks[random.Next(CanWorks.Length)],
            ["assetTag"] = "",
            ["website"] = "",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets?lang={lang}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created && html.Contains("data-number=", StringComparison.Ordinal)
            ? null
            : "HTTP " + (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The baseline: raw Azurite inserts of ~2 KB entities, one partition each, by concurrent writers.</summary>
public static class RawInserts
{
    public static async Task<LoadResult> RunAsync(TableClient table, int writers, TimeSpan warmUp, TimeSpan duration)
    {
        await table.CreateIfNotExistsAsync();
        await InsertAsync(table, writers, warmUp, "warm");
        return await InsertAsync(table, writers, duration, "run");
    }

    private static async Task<LoadResult> InsertAsync(TableClient table, int writers, TimeSpan duration, string prefix)
    {
        var data = new string('x', 1800);
        var latencies = new List<long>[writers];
        var failed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var mine = latencies[w] = new List<long>(16_384);
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var entity = new TableEntity($"{prefix}-{w:D2}-{i:D9}", "ticket")
                {
                    ["Number"] = i,
                    ["Status"] = "new",
                    ["Priority"] = "P3",
                    ["CreatedAt"] = DateTimeOffset.UtcNow,
                    ["Data"] = data,
                };
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await table.AddEntityAsync(entity);
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
                catch (Azure.RequestFailedException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        stopwatch.Stop();
        return new LoadResult(latencies.Sum(l => l.Count), failed, stopwatch.Elapsed, [.. latencies.SelectMany(l => l)], new Dictionary<string, int>());
    }
}
