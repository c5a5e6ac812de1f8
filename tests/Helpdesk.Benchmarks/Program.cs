using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Helpdesk.Benchmarks;

// Benchmarks on the standalone host (a separate process) with a private Azurite. Reports; never gates (exit code 0).
// Mode `intake` (default): form intake end to end, compared with Azurite's raw insert rate measured in the same run.
// By default the same load runs twice, on fresh Azurites each time: without the SLA engine, then with it; then the ratio.
// dotnet run -c Release --project tests/Helpdesk.Benchmarks -- [intake] [--seconds 20] [--clients 16] [--tickets 10000]
//   [--baseline-seconds 10] [--warmup-seconds 3] [--keep-log] [--no-debug] [--host-dll path] [--engine both|on|off] [--task-hub separate|shared]
// Mode `sla`: open P1 tickets whose escalations fall due over a spread; lateness, missed/duplicated, requests per ticket.
// dotnet run -c Release --project tests/Helpdesk.Benchmarks -- sla [--tickets 2000] [--spread 60] [--resolution 120] ... (see SlaOptions.Usage)
// Mode `maintenance`: scan of N assets (duration, storage requests per asset, memory; the second scan sends nothing) and CSV import rows/s.
// dotnet run -c Release --project tests/Helpdesk.Benchmarks -- maintenance [--assets 10000]
// Mode `mail` / `mailfuzz`: inbound mail end to end beside the form rate, and the mail parsers' fuzz (see MailBenchmark.Usage).
// Mode `idle`: storage requests per hour and month of an idle tenant (standalone host, both Azurites), by URL, priced.
// dotnet run -c Release --project tests/Helpdesk.Benchmarks -- idle [--minutes 3]
// Mode `fuzz`: the integration test's seeded request generator at scale; 5xx, leaks, unreferenced blobs, memory, rate.
// dotnet run -c Release --project tests/Helpdesk.Benchmarks -- fuzz [--requests 100000] [--seed S] [--concurrency 8] ... (see FuzzOptions.Usage)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string IntakeUsage = "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- [intake] [--seconds 20] [--clients 16] [--tickets 10000] [--baseline-seconds 10] [--warmup-seconds 3] [--keep-log] [--no-debug] [--host-dll path] [--engine both|on|off] [--task-hub separate|shared]";
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "intake";
var rest = mode == "intake" && (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? args : args[1..];
Func<Task>? run = null;
if (mode == "intake" && Options.Parse(rest) is { } options)
{
    run = () => Benchmark.RunAsync(options);
}
else if (mode == "sla" && SlaOptions.Parse(rest) is { } slaOptions)
{
    run = () => SlaBenchmark.RunAsync(slaOptions, Benchmark.RepoRoot());
}
else if (mode == "maintenance")
{
    run = () => MaintenanceBenchmark.RunAsync(rest, Benchmark.RepoRoot());
}
else if (mode == "idle")
{
    run = () => IdleBenchmark.RunAsync(rest, Benchmark.RepoRoot());
}
else if (mode == "mail")
{
    run = () => MailBenchmark.RunAsync(rest, Benchmark.RepoRoot());
}
else if (mode == "mailfuzz")
{
    run = () =>
    {
        MailBenchmark.RunFuzz(rest, Benchmark.RepoRoot());
        return Task.CompletedTask;
    };
}
else if (mode == "fuzz" && FuzzOptions.Parse(rest) is { } fuzzOptions)
{
    run = () => FuzzBenchmark.RunAsync(fuzzOptions, Benchmark.RepoRoot());
}
else if (mode == "console" && ConsoleOptions.Parse(rest) is { } consoleOptions)
{
    run = () => ConsoleBenchmark.RunAsync(consoleOptions.Tickets, consoleOptions.Rounds, Benchmark.RepoRoot());
}

if (run is null)
{
    Console.WriteLine("usage: " + IntakeUsage);
    Console.WriteLine("       " + SlaOptions.Usage);
    Console.WriteLine("       " + FuzzOptions.Usage);
    Console.WriteLine("       " + MaintenanceBenchmark.Usage);
    Console.WriteLine("       " + MailBenchmark.Usage);
    Console.WriteLine("       " + ConsoleOptions.Usage);
    Console.WriteLine("       " + IdleBenchmark.Usage);
    return 0;
}

try
{
    await run();
}
#pragma warning disable CA1031 // A benchmark reports every failure and still exits 0.
catch (Exception ex)
#pragma warning restore CA1031
{
    Console.WriteLine();
    Console.WriteLine("BENCHMARK ERROR: " + ex);
}

return 0;

internal sealed record Options(int Seconds, int Clients, int Tickets, int BaselineSeconds, int WarmUpSeconds, bool KeepLog, bool NoDebug, string? HostDll,
    string Engine = "both", bool SharedTaskHubStorage = false)
{
    public static Options? Parse(string[] args)
    {
        var o = new Options(20, 16, 10_000, 10, 3, false, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": o = o with { Seconds = Int() }; break;
                case "--clients": o = o with { Clients = Int() }; break;
                case "--tickets": o = o with { Tickets = Int() }; break;
                case "--baseline-seconds": o = o with { BaselineSeconds = Int() }; break;
                case "--warmup-seconds": o = o with { WarmUpSeconds = Int() }; break;
                case "--keep-log": o = o with { KeepLog = true }; break;
                case "--no-debug": o = o with { NoDebug = true }; break;
                case "--host-dll": o = o with { HostDll = Path.GetFullPath(Next()) }; break;
                case "--engine":
                    var engine = Next();
                    o = engine is "both" or "on" or "off" ? o with { Engine = engine } : throw new ArgumentException($"--engine is both, on or off (got '{engine}').");
                    break;
                case "--task-hub":
                    var where = Next();
                    o = where is "separate" or "shared" ? o with { SharedTaskHubStorage = where == "shared" } : throw new ArgumentException($"--task-hub is separate or shared (got '{where}').");
                    break;
                default: return null;
            }
        }

        return o;
    }
}

internal static class Benchmark
{
    // On the form's path (what a requester waits on). The work after the answer (acknowledgment mail with its rate
    // limit and bounce check, SLA clock, console indexes) grew with the features: it is listed by URL and weighed by
    // the ratio below (Azurite capacity), not by a fixed count.
    private const double MaxRequestsPerTicket = 6;
    private const double MinRatio = 0.7;
    private const double MaxP99Ms = 150;
    private const double MaxMemoryMb = 400;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromMinutes(3);

    private const double MinEngineRatio = 0.7;

    /// <summary>One leg's figures, for the with/without comparison.</summary>
    private sealed record Leg(bool EngineOn, LoadResult Window, double RawPerSecond, bool CountsValid, double RequestsPerTicket);

    /// <summary>
    /// The same load, on fresh Azurites each time, without the SLA engine (<c>Helpdesk:Durable:RunEngine=false</c>: the
    /// task hub exists and the "created" consumer queues each ticket's timer there, but no orchestration runs) and with
    /// it (the product as deployed: every ticket's orchestration runs its first turn and waits), then the ratio.
    /// </summary>
    public static async Task RunAsync(Options o)
    {
        var root = RepoRoot();
        bool[] engines = o.Engine switch { "off" => [false], "on" => [true], _ => [false, true] };
        Console.WriteLine($"Intake benchmark: {o.Clients} clients, {o.Seconds} s measured per leg, legs: {string.Join(", ", engines.Select(e => e ? "SLA engine on" : "SLA engine off"))}; " +
            $"task hub {(o.SharedTaskHubStorage ? "on the ticket store's Azurite" : "on its own Azurite (DurableStorage)")}; {o.Tickets} tickets for the memory reading (last leg); {Environment.ProcessorCount} cores.");
        await using var machineLoad = MachineLoad.Start();
        var legs = new List<Leg>();
        for (var i = 0; i < engines.Length; i++)
        {
            Console.WriteLine();
            Console.WriteLine($"##### Leg {i + 1} of {engines.Length}: SLA engine {(engines[i] ? "ON" : "OFF")} #####");
            legs.Add(await RunLegAsync(o, root, engines[i], last: i == engines.Length - 1));
        }

        if (legs.Count == 2)
        {
            CompareLegs(legs[0], legs[1], machineLoad);
        }
    }

    private static void CompareLegs(Leg off, Leg on, MachineLoad machineLoad)
    {
        var ratio = on.Window.PerSecond / off.Window.PerSecond;
        Console.WriteLine();
        Console.WriteLine($"=== Intake with the SLA engine vs without it, same run ({machineLoad.Describe()}) ===");
        foreach (var leg in new[] { off, on })
        {
            Row(leg.EngineOn ? "engine ON" : "engine OFF", $"{leg.Window.PerSecond:0.0} tickets/s",
                $"p50 / p99 / max {leg.Window.Percentile(50):0} / {leg.Window.Percentile(99):0} / {leg.Window.MaxMs:0} ms; {leg.Window.Created} tickets, {leg.Window.Failed} failed; " +
                $"raw Azurite {leg.RawPerSecond:0} inserts/s in this leg" + (leg.CountsValid ? $"; {leg.RequestsPerTicket:0.00} ticket-store requests per ticket" : ""));
        }

        Row("ratio ON / OFF", $"{ratio:0.00}", $"tickets/s; p99 {on.Window.Percentile(99):0} ms vs {off.Window.Percentile(99):0} ms");
        if (machineLoad.Overloaded)
        {
            Console.WriteLine($"  INVALID  ratio ≥ {MinEngineRatio}: the machine was overloaded by other processes ({ratio:0.00} measured; rerun on a quiet machine)");
        }
        else
        {
            Check($"ratio ≥ {MinEngineRatio} (tickets/s with the engine ÷ without)", ratio >= MinEngineRatio, $"{ratio:0.00}");
        }
    }

    private static async Task<Leg> RunLegAsync(Options o, string root, bool engineOn, bool last)
    {
        var work = Directory.CreateTempSubdirectory("helpdesk-bench-");
        var logPath = Path.Combine(work.FullName, "azurite-debug.log");
        Console.WriteLine(o.NoDebug
            ? "Azurite: in-memory persistence, no --debug log (latency only: storage requests are not counted)"
            : $"Azurite: in-memory persistence, --debug {logPath} (the ticket store's requests; the task hub's are not counted)");

        try
        {
            using var azurite = await Azurite.StartAsync(root, o.NoDebug ? null : logPath);
            using var hubAzurite = o.SharedTaskHubStorage ? null : await Azurite.StartAsync(root, null);
            await using var smtp = await SmtpSink.StartAsync();
            var hostSettings = new Dictionary<string, string> { ["Helpdesk__Durable__RunEngine"] = engineOn ? "true" : "false" };
            if (hubAzurite is not null)
            {
                hostSettings["DurableStorage"] = hubAzurite.ConnectionString;
            }

            var log = new RequestLog(logPath);

            // Phase 1: the baseline, raw inserts at the same concurrency.
            Console.Write($"Phase 1: raw Azurite inserts, {o.Clients} writers, {o.BaselineSeconds} s ... ");
            var raw = new TableClient(azurite.ConnectionString, "RawInserts");
            var rawStart = await log.SettleAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
            var rawCpu = Cpu.Snapshot(azurite.Process, null);
            var baseline = await RawInserts.RunAsync(raw, o.Clients, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(o.BaselineSeconds));
            var rawCpuUsed = Cpu.Snapshot(azurite.Process, null) - rawCpu;
            await raw.DeleteAsync(); // frees Azurite's memory before phase 2
            Console.WriteLine($"{baseline.PerSecond:0} inserts/s");

            // Phase 2: the standalone host as a separate process.
            Console.Write("Phase 2: starting the standalone host ... ");
            using var host = await HostProcess.StartAsync(root, azurite.ConnectionString, smtp.Port, o.HostDll, hostSettings);
            using var clients = new FormClients(host.BaseAddress, o.Clients);
            Console.WriteLine($"pid {host.Process.Pid}, {host.BaseAddress}");

            Console.Write($"  warm-up {o.WarmUpSeconds} s ... ");
            var warmUp = await clients.RunAsync(TimeSpan.FromSeconds(o.WarmUpSeconds));
            var total = warmUp.Created;
            await DrainAsync(smtp, total);
            var windowStart = await log.SettleAsync(TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(15));
            Console.WriteLine($"{warmUp.Created} tickets");

            Console.Write($"  measuring {o.Seconds} s ... ");
            var cpuBefore = Cpu.Snapshot(azurite.Process, host.Process, hubAzurite?.Process);
            var window = await clients.RunAsync(TimeSpan.FromSeconds(o.Seconds));
            var cpuWindow = Cpu.Snapshot(azurite.Process, host.Process, hubAzurite?.Process) - cpuBefore;
            total += window.Created;
            var drainWatch = Stopwatch.StartNew();
            var drained = await DrainAsync(smtp, total);
            var drainTime = drainWatch.Elapsed;
            var settleWatch = Stopwatch.StartNew();
            var windowEnd = await log.SettleAsync(TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(15));
            // Azurite writes its debug log behind the requests under load: a log still growing after 15 s means the
            // counted range misses requests, and the counts must not be reported as if complete.
            var logSettled = settleWatch.Elapsed < TimeSpan.FromSeconds(14.5) && drained;
            var cpuWithDrain = Cpu.Snapshot(azurite.Process, host.Process, hubAzurite?.Process) - cpuBefore;
            var counts = log.Read(windowStart, windowEnd);
            Console.WriteLine($"{window.Created} tickets, mail queue drained {drainTime.TotalSeconds:0.0} s after the window");

            // The machine is shared and noisy: measure the baseline again right after the window (host idle) and
            // compare with the mean of the two.
            Console.Write($"  raw Azurite inserts again, {o.BaselineSeconds} s ... ");
            var rawAfter = new TableClient(azurite.ConnectionString, "RawInsertsAfter");
            var baselineAfter = await RawInserts.RunAsync(rawAfter, o.Clients, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(o.BaselineSeconds));
            await rawAfter.DeleteAsync();
            Console.WriteLine($"{baselineAfter.PerSecond:0} inserts/s");

            // Memory: keep posting until the requested number of tickets exists in all, then read the host's RSS.
            LoadResult? fill = null;
            if (last && total < o.Tickets)
            {
                Console.Write($"  posting up to {o.Tickets} tickets in all ... ");
                fill = await clients.RunAsync(TimeSpan.MaxValue, o.Tickets - total);
                total += fill.Created;
                await DrainAsync(smtp, total);
                Console.WriteLine($"{fill.Created} more ({fill.PerSecond:0}/s, p99 {fill.Percentile(99):0} ms)");
            }

            await log.SettleAsync(TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(15));
            var memory = host.Process.Memory();
            var azuriteMemory = azurite.Process.Memory();

            Report(o, baseline, baselineAfter, rawCpuUsed, window, cpuWindow, cpuWithDrain, counts, drained, smtp.Received, total, memory, azuriteMemory, warmUp, fill, logSettled);
            return new Leg(engineOn, window, (baseline.PerSecond + baselineAfter.PerSecond) / 2, !o.NoDebug && logSettled, (double)counts.Total / Math.Max(window.Created, 1));
        }
        finally
        {
            if (o.KeepLog)
            {
                Console.WriteLine($"Azurite debug log kept: {logPath}");
            }
            else
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static async Task<bool> DrainAsync(SmtpSink smtp, int tickets)
    {
        var ok = await smtp.WaitForAsync(tickets, s_drainTimeout);
        if (!ok)
        {
            Console.Write($"[acknowledgments: {smtp.Received} of {tickets} after {s_drainTimeout.TotalMinutes:0} min] ");
        }

        // The consumer records the mail on the timeline and deletes the message just after sending.
        await Task.Delay(1000);
        return ok;
    }

    private static void Report(Options o, LoadResult baseline, LoadResult baselineAfter, Cpu rawCpu, LoadResult window, Cpu cpuWindow, Cpu cpuWithDrain,
        RequestCounts counts, bool drained, long mails, int total, (double RssMb, double PeakMb) memory, (double RssMb, double PeakMb) azuriteMemory,
        LoadResult warmUp, LoadResult? fill, bool logSettled)
    {
        static bool IsHttpPath(string key) => key is "table POST /$batch" || (key.StartsWith("queue POST /", StringComparison.Ordinal) && key.EndsWith("/messages", StringComparison.Ordinal));
        // The SLA clock's first batch is written by the ticket-events consumer, after the answer.
        var httpRequests = counts.Count(IsHttpPath) - counts.Batches.Where(b => b.Key.StartsWith("SlaClock", StringComparison.Ordinal)).Sum(b => b.Value.Batches);
        var perTicket = (double)counts.Total / window.Created;
        var perTicketHttp = (double)httpRequests / window.Created;
        var rawPerSecond = (baseline.PerSecond + baselineAfter.PerSecond) / 2;
        var ratio = window.PerSecond * perTicket / rawPerSecond;
        var counted = !o.NoDebug && logSettled;
        var seconds = window.Elapsed.TotalSeconds;
        var cores = Environment.ProcessorCount;

        Console.WriteLine();
        Console.WriteLine("=== Baseline (same run) ===");
        Row("raw Azurite inserts/s", $"{rawPerSecond:0}", $"mean of before the host ({baseline.PerSecond:0}) and after the window ({baselineAfter.PerSecond:0})");
        Row("  before", $"{baseline.PerSecond:0}", $"{o.Clients} writers, ~2 KB entities, one partition each, {baseline.Created} in {baseline.Elapsed.TotalSeconds:0.0} s; p50 {baseline.Percentile(50):0.0} ms, p99 {baseline.Percentile(99):0.0} ms; {baseline.Failed} failed");
        Row("  after", $"{baselineAfter.PerSecond:0}", $"{baselineAfter.Created} in {baselineAfter.Elapsed.TotalSeconds:0.0} s; p50 {baselineAfter.Percentile(50):0.0} ms, p99 {baselineAfter.Percentile(99):0.0} ms; {baselineAfter.Failed} failed");
        Row("  CPU during baseline", "", $"Azurite {rawCpu.Azurite.TotalSeconds / (baseline.Elapsed.TotalSeconds + 2) * 100:0}%, benchmark {rawCpu.Benchmark.TotalSeconds / (baseline.Elapsed.TotalSeconds + 2) * 100:0}% (before; incl. 2 s warm-up; % of one core, {cores} cores)");

        Console.WriteLine();
        Console.WriteLine($"=== Form intake, standalone host, {o.Clients} clients, {seconds:0.0} s ===");
        Row("tickets created", $"{window.Created}", $"{window.Failed} failed{Failures(window)}; warm-up {warmUp.Created} before");
        Row("tickets/s", $"{window.PerSecond:0.0}", "");
        Row("latency p50 / p99 / max", $"{window.Percentile(50):0.0} / {window.Percentile(99):0.0} / {window.MaxMs:0} ms", "");
        if (counted)
        {
            Row("storage requests in window", $"{counts.Total}", $"incl. the acknowledgment consumer, drained{(drained ? "" : " NOT fully")} ({mails} mails for {total} tickets so far)");
            Row("  per ticket, total", $"{perTicket:0.00}", "");
            Row("  per ticket, HTTP path", $"{perTicketHttp:0.00}", "table batches + event enqueue");
            Row("  per ticket, async mail path", $"{perTicket - perTicketHttp:0.00}", "queue receive/delete, timeline upsert, idle polls");
            Row("storage requests/s driven", $"{counts.Total / seconds:0}", "");
            Row("ratio", $"{ratio:0.00}", $"tickets/s × requests per ticket ÷ raw inserts/s ({window.PerSecond:0.0} × {perTicket:0.00} ÷ {rawPerSecond:0})");
        }

        // The task hub's Azurite shares the two cores too: with the engine on, what it burns is not intake's.
        var hubPerTicket = o.SharedTaskHubStorage ? "" : $", task hub's Azurite {cpuWithDrain.HubAzurite.TotalMilliseconds / window.Created:0.00} ms";
        Row("  CPU in window", "", $"{cpuWindow.Shares(seconds, withHub: !o.SharedTaskHubStorage)} (% of one core; {cores} cores = {cores * 100}%)");
        Row("  CPU per ticket", "", $"host {cpuWithDrain.Host.TotalMilliseconds / window.Created:0.00} ms, Azurite {cpuWithDrain.Azurite.TotalMilliseconds / window.Created:0.00} ms{hubPerTicket} (window + drain)");
        if (fill is not null)
        {
            Row("fill to total", $"{total}", $"{fill.Created} more at {fill.PerSecond:0.0}/s, p50 {fill.Percentile(50):0.0} ms, p99 {fill.Percentile(99):0.0} ms, {fill.Failed} failed{Failures(fill)}");
        }

        Row("host memory (RSS)", $"{memory.RssMb:0} MB", $"peak {memory.PeakMb:0} MB, after {total} tickets; Azurite RSS {azuriteMemory.RssMb:0} MB");

        if (counted)
        {
            Console.WriteLine();
            Console.WriteLine("=== Storage requests in the window, by URL ===");
            foreach (var (key, n) in counts.ByKey.OrderByDescending(kv => kv.Value))
            {
                Console.WriteLine($"  {key,-52} {n,7}  {(double)n / window.Created,6:0.00}/ticket  {(IsHttpPath(key) ? "HTTP" : "async")}");
            }

            foreach (var (table, (batches, operations)) in counts.Batches.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"    $batch → {table,-20} {batches,7} batches  {(double)batches / window.Created,6:0.00}/ticket  {(double)operations / batches:0.0} operations per batch");
            }
        }

        Console.WriteLine();
        Console.WriteLine("=== Targets ===");
        if (counted)
        {
            Check($"storage requests per ticket on the form's path ≤ {MaxRequestsPerTicket}", perTicketHttp <= MaxRequestsPerTicket,
                $"{perTicketHttp:0.00}; {perTicket - perTicketHttp:0.00} more after the answer (by URL above), {perTicket:0.00} in all");
            Check($"ratio ≥ {MinRatio}", ratio >= MinRatio, $"{ratio:0.00}");
        }
        else
        {
            Console.WriteLine(o.NoDebug
                ? "  n/a   storage requests per ticket, ratio: not counted (--no-debug)"
                : "  INVALID  storage requests per ticket, ratio: Azurite's debug log was still catching up (or the mails did not drain): counts incomplete, not reported");
        }

        Check($"p99 ≤ {MaxP99Ms} ms", window.Percentile(99) <= MaxP99Ms, $"{window.Percentile(99):0.0} ms");
        if (total >= o.Tickets)
        {
            Check($"host memory ≤ {MaxMemoryMb} MB after {o.Tickets} tickets", memory.RssMb <= MaxMemoryMb, $"{memory.RssMb:0} MB after {total}");
        }
        else
        {
            Console.WriteLine($"  n/a   host memory after {o.Tickets} tickets: this leg stopped at {total} (the fill runs in the last leg only; --tickets 0 skips it)");
        }
    }

    private static string Failures(LoadResult r) => r.Failures.Count == 0 ? "" : " (" + string.Join(", ", r.Failures.Select(f => $"{f.Key}: {f.Value}")) + ")";

    private static void Row(string name, string value, string note) => Console.WriteLine($"  {name,-30} {value,-24} {note}".TrimEnd());

    private static void Check(string name, bool pass, string value) => Console.WriteLine($"  {(pass ? "PASS" : "FAIL")}  {name,-44} {value}");

    public static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>CPU time used by Azurite (the ticket store's), the host, this process and the task hub's Azurite, if any.</summary>
internal readonly record struct Cpu(TimeSpan Azurite, TimeSpan Host, TimeSpan Benchmark, TimeSpan HubAzurite = default)
{
    public static Cpu Snapshot(ChildProcess azurite, ChildProcess? host, ChildProcess? hubAzurite = null)
    {
        using var self = Process.GetCurrentProcess();
        return new Cpu(azurite.CpuTime(), host?.CpuTime() ?? TimeSpan.Zero, self.TotalProcessorTime, hubAzurite?.CpuTime() ?? TimeSpan.Zero);
    }

    /// <summary>"host 41%, Azurite 30%[, task hub's Azurite 22%], benchmark 7%": each process's share of one core over <paramref name="seconds"/>.</summary>
    public string Shares(double seconds, bool withHub) =>
        $"host {Pct(Host, seconds)}, Azurite {Pct(Azurite, seconds)}{(withHub ? $", task hub's Azurite {Pct(HubAzurite, seconds)}" : "")}, benchmark {Pct(Benchmark, seconds)}";

    private static string Pct(TimeSpan cpu, double seconds) => $"{cpu.TotalSeconds / seconds * 100:0}%";

    public static Cpu operator -(Cpu a, Cpu b) => new(a.Azurite - b.Azurite, a.Host - b.Host, a.Benchmark - b.Benchmark, a.HubAzurite - b.HubAzurite);
}
