using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace Helpdesk.Benchmarks;

/// <summary>
/// A requester's form posts at a steady rate beside another load (the SLA benchmark's burst): the urlencoded form as a
/// browser sends it, low priority (one person, can still work: P4, whose business-hours targets fire nothing during the
/// run), so that the posts measure intake latency without adding escalations of their own. Each post is sent on
/// schedule, whether or not the previous ones have answered (a requester does not wait for another), at most
/// <see cref="MaxInFlight"/> at once.
/// </summary>
internal sealed class IntakeTrickle
{
    private const int MaxInFlight = 32;

    /// <summary>One post: when it was sent (UTC), how long the answer took, whether it created a ticket.</summary>
    public sealed record Post(DateTimeOffset SentAt, double Ms, bool Created);

    private readonly ConcurrentBag<Post> _posts = [];

    public IReadOnlyCollection<Post> Posts => _posts;

    public static async Task<IntakeTrickle> RunAsync(Uri baseAddress, double perSecond, CancellationToken stop)
    {
        var trickle = new IntakeTrickle();
        if (perSecond <= 0)
        {
            return trickle;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight, UseProxy = false, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var gate = new SemaphoreSlim(MaxInFlight);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = interval * i - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await gate.WaitAsync(CancellationToken.None);
            var n = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await trickle.PostAsync(http, n);
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(inFlight);
        return trickle;
    }

    private async Task PostAsync(HttpClient http, int i)
    {
        var fields = new Dictionary<string, string>
        {
            ["formToken"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["lang"] = "fr",
            ["name"] = $"Trickle {i % 50}",
            ["email"] = $"trickle.{i % 50}@example.be",
            ["phone"] = "",
            ["subject"] = $"Printer jam on floor {i % 5} ({i})",
            ["description"] = "The printer on my floor jams on every second page.",
            ["category"] = "hardware",
            ["impact"] = "individual",
            ["canWork"] = "yes",
            ["assetTag"] = "",
            ["website"] = "",
        };
        var sentAt = DateTimeOffset.UtcNow;
        var t0 = Stopwatch.GetTimestamp();
        var created = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets?lang=fr") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            created = response.StatusCode == HttpStatusCode.Created && html.Contains("data-number=", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
        }

        _posts.Add(new Post(sentAt, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, created));
    }

    /// <summary>Latency percentiles (ms) of the posts sent in [from, to] that created a ticket, and how many failed.</summary>
    public (int Count, int Failed, double P50, double P99, double Max) Between(DateTimeOffset from, DateTimeOffset to)
    {
        var chosen = _posts.Where(p => p.SentAt >= from && p.SentAt <= to).ToList();
        var ms = chosen.Where(p => p.Created).Select(p => p.Ms).Order().ToArray();
        double Pct(double p) => ms.Length == 0 ? double.NaN : ms[Math.Clamp((int)Math.Ceiling(p / 100 * ms.Length) - 1, 0, ms.Length - 1)];
        return (ms.Length, chosen.Count - ms.Length, Pct(50), Pct(99), ms.Length == 0 ? double.NaN : ms[^1]);
    }
}
