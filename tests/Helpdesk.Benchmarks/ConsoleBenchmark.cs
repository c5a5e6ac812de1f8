using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Helpdesk.Benchmarks -- console [--tickets 500] [--rounds 20]</c>: the
/// standalone host in process on a fresh Azurite (with its debug log), N open tickets in L1, then the server time of
/// the console's L1 queue page beside a plain <c>GET /api/queues/L1</c> of the same tickets (all pages of 200), and the
/// storage requests one console page costs (counted in Azurite's log, feature tables only).
/// </summary>
public static partial class ConsoleBenchmark
{
    private static readonly string[] FeatureTables = ["TicketIndex", "Technicians", "Sessions", "Tickets"];

    public static async Task<int> RunAsync(int tickets, int rounds, string repoRoot)
    {
        var logPath = Path.Combine(Path.GetTempPath(), $"azurite-console-{Guid.NewGuid():N}.log");
        using var azurite = await Azurite.StartAsync(repoRoot, logPath);
        await using var smtp = await SmtpSink.StartAsync();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        const string apiKey = "benchmark-api-key-0123456789abcdef";
        var app = Standalone.Program.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
                ["Helpdesk:Storage:Prefix"] = prefix,
                ["Helpdesk:ApiKey"] = apiKey,
                // Required since status links and reply addresses are signed (any 32+ bytes; this run's own).
                ["Helpdesk:Signing:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Helpdesk:Smtp:Host"] = "127.0.0.1",
                ["Helpdesk:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Helpdesk:Smtp:Security"] = "None",
                ["Helpdesk:Durable:HubName"] = prefix + "hub",
                ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = "1000",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        try
        {
            var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            var intake = app.Services.GetRequiredService<TicketIntake>();
            System.Console.WriteLine($"Seeding {tickets} open L1 tickets...");
            var seed = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, tickets), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var valid = new ValidSubmission(new Requester($"Requester {i}", $"r{i}@example.be", null, "fr"), $"Ticket {i}: printer offline",
                    "Benchmark ticket.", Category.Printer, (Impact)(i % 3), (CanWork)(i % 3), $"PC-{i:D4}");
                await intake.CreateAsync(valid, [], null, new IntakeSource(IntakeChannel.Api, "benchmark"), ct);
            });
            System.Console.WriteLine($"Seeded in {seed.Elapsed.TotalSeconds:F1} s");

            var added = (await app.Services.GetRequiredService<Roster>().AddAsync("Bench", "bench@example.be", [SupportLevel.L1], "en", TechnicianRole.Technician, default))!.Value;
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
            var signInPage = await browser.GetStringAsync("/api/console/sign-in");
            using (var signedIn = await browser.PostAsync("/api/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
                   { ["csrf"] = Csrf().Match(signInPage).Groups[1].Value, ["key"] = added.Key })))
            {
                if (signedIn.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Sign-in failed: {signedIn.StatusCode}");
                }
            }

            using var api = new HttpClient { BaseAddress = baseAddress };
            api.DefaultRequestHeaders.Add("x-functions-key", apiKey);

            // Let the SLA orchestrations and acknowledgment mails of the seeded tickets finish before timing anything.
            var log = new RequestLog(logPath);
            await log.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3));

            async Task<(double Ms, int Rows)> ConsolePage()
            {
                var sw = Stopwatch.StartNew();
                var html = await browser.GetStringAsync("/api/console?queue=L1");
                return (sw.Elapsed.TotalMilliseconds, Row().Count(html));
            }

            async Task<(double Ms, int Rows)> ApiPages()
            {
                var sw = Stopwatch.StartNew();
                var rows = 0;
                string? token = null;
                do
                {
                    var url = "/api/queues/L1?pageSize=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
                    using var doc = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync(url));
                    rows += doc.RootElement.GetProperty("items").GetArrayLength();
                    token = doc.RootElement.TryGetProperty("continuationToken", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString() : null;
                }
                while (token is not null);
                return (sw.Elapsed.TotalMilliseconds, rows);
            }

            await ConsolePage();
            await ApiPages();
            var consoleTimes = new List<double>();
            var apiTimes = new List<double>();
            int consoleRows = 0, apiRows = 0;
            for (var r = 0; r < rounds; r++)
            {
                (var ms, consoleRows) = await ConsolePage();
                consoleTimes.Add(ms);
                (ms, apiRows) = await ApiPages();
                apiTimes.Add(ms);
            }

            // Azurite writes its debug log late under load: wait for a longer quiet spell on both sides of the page.
            var before = await log.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
            await ConsolePage();
            var after = await log.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
            var counts = log.Read(before, after);
            var featureTables = FeatureTables.Select(t => "/" + prefix + t).ToArray();
            // Reads only: the page writes nothing, while background work (SLA evaluations) may write tickets meanwhile.
            var storage = counts.ByKey.Where(kv => kv.Key.StartsWith("table GET ", StringComparison.Ordinal) && featureTables.Any(t => kv.Key.Contains(t, StringComparison.Ordinal)))
                .ToList();

            static string Stats(List<double> xs)
            {
                var s = xs.Order().ToList();
                return string.Create(CultureInfo.InvariantCulture, $"median {s[s.Count / 2]:F0} ms, p90 {s[(int)(s.Count * 0.9)]:F0} ms, min {s[0]:F0} ms, max {s[^1]:F0} ms");
            }

            System.Console.WriteLine($"Console L1 page ({consoleRows} rows, {rounds} rounds): {Stats(consoleTimes)}");
            System.Console.WriteLine($"GET /api/queues/L1, all pages of 200 ({apiRows} rows): {Stats(apiTimes)}");
            System.Console.WriteLine($"Storage requests of one console page (feature tables): {storage.Sum(kv => kv.Value)}");
            foreach (var (key, n) in storage)
            {
                System.Console.WriteLine($"  {n,4}  {key}");
            }

            System.Console.WriteLine($"All storage requests in that window (incl. background listeners and the durable engine): {counts.Total}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            File.Delete(logPath);
        }
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();

    [GeneratedRegex("<tr data-number=")]
    private static partial Regex Row();
}
