using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>
/// Mode <c>idle</c>: what one tenant with nothing to do costs in storage requests. Starts the standalone host (a separate
/// process, its production settings: the app queues' polling from <c>QueueRules</c>, the durable engine's from
/// <c>Helpdesk:Durable</c>, which equal host.json's) on two private Azurites (ticket store and task hub, as deployed),
/// waits until start-up is over, then counts every request both Azurites serve for N minutes, by URL, and turns the
/// count into requests per hour and month and into a monthly price with the list prices below. No ticket is created.
/// </summary>
internal static class IdleBenchmark
{
    public const string Usage = "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- idle [--minutes 3] [--settle-seconds 30] [--task-hub separate|shared] [--host-dll path]";

    // List prices in USD per 10,000 operations, standard general-purpose v2, LRS (docs/performance.md says where each
    // comes from: REFERENCE.md's secondary source, no primary pricing page was found). Queue: class 1 and class 2 at the
    // same price there; table: one meter for all operations. Blob operations are counted but not priced (no source;
    // the idle engine makes none with table partition management).
    private const double QueuePricePer10K = 0.004;
    private const double TablePricePer10K = 0.00036;
    private const double HoursPerMonth = 730;

    public static async Task RunAsync(string[] args, string root)
    {
        var minutes = 3.0;
        var settleSeconds = 30;
        var shared = false;
        string? hostDll = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--minutes": minutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--settle-seconds": settleSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--task-hub": shared = Next() == "shared"; break;
                case "--host-dll": hostDll = Path.GetFullPath(Next()); break;
                default: throw new ArgumentException("usage: " + Usage);
            }
        }

        var work = Directory.CreateTempSubdirectory("helpdesk-idle-");
        var appLog = Path.Combine(work.FullName, "app.log");
        var hubLog = Path.Combine(work.FullName, "hub.log");
        Console.WriteLine($"Idle benchmark: the standalone host with nothing to do, counted for {minutes:0.#} min after {settleSeconds} s of start-up; " +
            (shared ? "task hub on the ticket store's Azurite." : "task hub on its own Azurite (DurableStorage), as deployed."));
        try
        {
            using var azurite = await Azurite.StartAsync(root, appLog);
            using var hubAzurite = shared ? null : await Azurite.StartAsync(root, hubLog);
            await using var smtp = await SmtpSink.StartAsync();
            var settings = new Dictionary<string, string>();
            if (hubAzurite is not null)
            {
                settings["DurableStorage"] = hubAzurite.ConnectionString;
            }

            var logs = hubAzurite is null
                ? new RequestLogs(("app", new RequestLog(appLog)))
                : new RequestLogs(("app", new RequestLog(appLog)), ("hub", new RequestLog(hubLog)));
            using var host = await HostProcess.StartAsync(root, azurite.ConnectionString, smtp.Port, hostDll, settings);
            Console.WriteLine($"Host pid {host.Process.Pid}; settling {settleSeconds} s (hub creation, partition leases) ...");
            await Task.Delay(TimeSpan.FromSeconds(settleSeconds));

            var from = logs.Now;
            var cpu = Cpu.Snapshot(azurite.Process, host.Process);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Console.WriteLine($"Counting for {minutes:0.#} min ...");
            await Task.Delay(TimeSpan.FromMinutes(minutes));
            // Idle Azurite flushes its debug log at once; a short settle takes the requests of the last moment.
            var to = await logs.SettleAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
            var seconds = watch.Elapsed.TotalSeconds;
            var used = Cpu.Snapshot(azurite.Process, host.Process) - cpu;
            var counts = logs.Read(from, to);
            Report(counts, seconds, used, host.Process.Memory());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Report(RequestCounts counts, double seconds, Cpu cpu, (double RssMb, double PeakMb) memory)
    {
        double PerHour(int n) => n / seconds * 3600;
        Console.WriteLine();
        Console.WriteLine($"=== Idle standalone host, {seconds:0} s counted ===");
        Console.WriteLine($"  {"request",-62} {"per s",7} {"per hour",9}");
        foreach (var (key, n) in counts.ByKey.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"  {key,-62} {n / seconds,7:0.00} {PerHour(n),9:0}");
        }

        Console.WriteLine($"  {"total",-62} {counts.Total / seconds,7:0.00} {PerHour(counts.Total),9:0}");
        Console.WriteLine($"  CPU: host {cpu.Host.TotalSeconds / seconds * 100:0.0}%, Azurite (ticket store) {cpu.Azurite.TotalSeconds / seconds * 100:0.0}% of one core; host RSS {memory.RssMb:0} MB");

        Console.WriteLine();
        Console.WriteLine($"=== A month ({HoursPerMonth} h) of this, at list prices (USD per 10,000 operations; see docs/performance.md) ===");
        var total = 0.0;
        foreach (var (service, price) in new[] { ("queue", QueuePricePer10K), ("table", TablePricePer10K) })
        {
            var n = counts.Count(k => Service(k) == service);
            var perMonth = PerHour(n) * HoursPerMonth;
            var cost = perMonth / 10_000 * price;
            total += cost;
            Console.WriteLine($"  {service,-6} {perMonth / 1e6,8:0.00} M operations × ${price}/10k = ${cost:0.00}");
        }

        var blobs = PerHour(counts.Count(k => Service(k) == "blob")) * HoursPerMonth;
        Console.WriteLine($"  blob   {blobs / 1e6,8:0.00} M operations, not priced (no price source)");
        Console.WriteLine($"  total  ${total:0.00} a month in queue and table transactions (capacity, blobs and the Functions plan not included)");
    }

    // Keys are "service METHOD /path", prefixed "app:"/"hub:" when two Azurites are counted.
    private static string Service(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var rest = colon is > 0 and < 5 ? key[(colon + 1)..] : key;
        return rest.Split(' ', 2)[0];
    }
}
