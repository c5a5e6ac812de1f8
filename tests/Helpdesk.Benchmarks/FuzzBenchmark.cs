using System.Diagnostics;
using Helpdesk.Core.Storage;
using Helpdesk.IntegrationTests.Fuzz;

namespace Helpdesk.Benchmarks;

/// <summary>
/// Fuzz mode: the integration test's seeded generator (tests/Helpdesk.IntegrationTests/Fuzz, compiled in here) at
/// benchmark scale, against the standalone host as a separate process with a private Azurite. Reports the status
/// histogram, 5xx, type-name or stack-trace leaks, unreferenced attachment blobs, requests without an answer, the
/// host's memory before and after, and the rate. A run that did not complete (host gone, time limit) gets no
/// verdict: its figures are marked INVALID. Never gates (exit code 0).
/// </summary>
internal static class FuzzBenchmark
{
    private static readonly TimeSpan AuditSettle = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(FuzzOptions o, string root)
    {
        Console.WriteLine($"Fuzz benchmark: {o.Requests} seeded requests (seed {o.Seed}) over every route, concurrency {o.Concurrency}, " +
                          $"{o.RequestTimeoutSeconds} s per request, {o.TimeLimitSeconds} s in all; {Environment.ProcessorCount} cores.");
        var target = new FuzzTarget(HostProcess.ApiKey);
        Console.WriteLine($"Azurite: private, in-memory persistence, no --debug log. Host intake limits as in the fuzz test: " +
                          string.Join(", ", target.HostSettings().Select(s => $"{s.Key}={s.Value}")));

        using var azurite = await Azurite.StartAsync(root, debugLogPath: null);
        await using var smtp = await SmtpSink.StartAsync();
        Console.Write("Starting the standalone host ... ");
        var settings = target.HostSettings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        using var host = await HostProcess.StartAsync(root, azurite.ConnectionString, smtp.Port, o.HostDll, settings);
        Console.WriteLine($"pid {host.Process.Pid}, {host.BaseAddress}");
        var before = ReadMemory(host);

        var findings = new FuzzFindings();
        using var sender = new FuzzSender(host.BaseAddress, TimeSpan.FromSeconds(o.RequestTimeoutSeconds));
        var clock = Stopwatch.StartNew();
        var step = Math.Max(1, o.Requests / 10);
        var generator = new FuzzRequests(o.Seed, target);
        var run = await new FuzzRunner(generator, sender, findings).RunAsync(
            o.Requests, o.Concurrency, TimeSpan.FromSeconds(o.TimeLimitSeconds),
            hostGone: () => host.Process.HasExited ? "the host process exited" : null,
            progress: sent =>
            {
                if (sent % step == 0)
                {
                    Console.WriteLine($"  {sent,7} sent, {clock.Elapsed.TotalSeconds,6:0.0} s, {sent / clock.Elapsed.TotalSeconds,5:0} requests/s");
                }
            });

        var hostExited = host.Process.HasExited;
        var after = hostExited ? null : ReadMemory(host);
        var problems = new List<string>();
        if (!run.Complete)
        {
            problems.Add($"{run.Sent} of {run.Requested} requests sent" + (run.StoppedBecause is null ? "" : $": stopped because {run.StoppedBecause}"));
        }

        if (hostExited && run.StoppedBecause is null)
        {
            problems.Add("the host process exited during the run");
        }

        AttachmentAuditResult? audit = null;
        try
        {
            var storage = new StorageClients(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));
            audit = await new AttachmentAudit(storage).RunAsync(AuditSettle, CancellationToken.None);
            foreach (var blob in audit.Unreferenced)
            {
                findings.RecordUnreferencedBlob(blob, generator);
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            problems.Add("the attachment audit failed: " + ex.Message);
        }

        Report(o, run, findings, audit, before, after, problems);
        if (hostExited && host.Process.Output.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Host output (start):");
            Console.WriteLine(host.Process.Output);
        }
    }

    private static ProcessMemory? ReadMemory(HostProcess host)
    {
        try
        {
            return ProcessMemory.Read(host.Process.Pid);
        }
        catch (IOException)
        {
            return null; // exited between the check and the read
        }
    }

    private static void Report(FuzzOptions o, FuzzRun run, FuzzFindings findings, AttachmentAuditResult? audit, ProcessMemory? before, ProcessMemory? after,
        List<string> problems)
    {
        Console.WriteLine();
        Console.WriteLine($"=== Fuzz run, seed {o.Seed} ===");
        Row("requests sent", $"{run.Sent} of {run.Requested}", $"in {run.Elapsed.TotalSeconds:0.0} s, concurrency {o.Concurrency}");
        Row("requests/s", $"{run.PerSecond:0.0}", "");

        Console.WriteLine();
        Console.WriteLine("=== Status codes ===");
        Console.WriteLine(findings.HistogramText());

        Console.WriteLine();
        Console.WriteLine("=== Findings ===");
        Row("answers 5xx", $"{findings.ServerErrors}", "");
        Row("type-name / stack-trace leaks", $"{findings.Leaks}", "answers whose body matches " + string.Join(" ", LeakPatterns.All.Select(p => $"/{p}/")));
        Row("unreferenced attachment blobs", audit is null ? "not audited" : $"{findings.UnreferencedBlobs}",
            audit is null ? "" : $"{audit.Blobs} blobs in the container; {audit.Tickets} tickets reference {audit.ReferencedBlobs}");
        Row("requests without any answer", $"{findings.NoAnswers}", "abandoned uploads excluded (no answer expected)");
        Row("requests not sent", $"{findings.NotSent}", "HttpClient refused them: generator errors");
        Row("failure kinds", $"{findings.Failures.Count}", "listed below, each with one reproducer");

        Console.WriteLine();
        Console.WriteLine("=== Host process memory (/proc/<pid>/status) ===");
        Row("before the first request", before?.ToString() ?? "unreadable", "");
        Row("after the last", after?.ToString() ?? "unreadable (host exited)", "");

        Console.WriteLine();
        Console.WriteLine("=== Failure kinds ===");
        Console.WriteLine(findings.Report(o.Seed));

        Console.WriteLine("=== Verdict ===");
        if (problems.Count > 0)
        {
            Console.WriteLine($"  INVALID: the run is incomplete ({string.Join("; ", problems)}). The figures above describe part of a run: no verdict.");
            return;
        }

        Check("no answer 5xx", findings.ServerErrors == 0, $"{findings.ServerErrors}");
        Check("no type name or stack trace in a body", findings.Leaks == 0, $"{findings.Leaks}");
        Check("no unreferenced attachment blob", findings.UnreferencedBlobs == 0, $"{findings.UnreferencedBlobs}");
        Check("every request answered", findings.NoAnswers == 0 && findings.NotSent == 0, $"{findings.NoAnswers} without answer, {findings.NotSent} not sent");
    }

    private static void Row(string name, string value, string note) => Console.WriteLine($"  {name,-32} {value,-12} {note}".TrimEnd());

    private static void Check(string name, bool pass, string value) => Console.WriteLine($"  {(pass ? "PASS" : "FAIL")}  {name,-40} {value}");
}
