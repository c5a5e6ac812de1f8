using System.Globalization;
using Helpdesk.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// A few thousand seeded requests over every route of the standalone host (in-process, real Kestrel, a private Azurite), 8 at a
/// time: no answer may be a 5xx, no body may show a .NET type name or stack trace, and no attachment blob may be left
/// that no ticket references. The failure message lists each kind of failure with its count and one reproducer.
/// <c>HELPDESK_FUZZ_SEED</c> and <c>HELPDESK_FUZZ_COUNT</c> override the seed and the number of requests;
/// <c>HELPDESK_FUZZ_INDEX</c> replays one request of a reproducer (after the priming requests).
/// </summary>
public sealed class HostFuzzTests(ITestOutputHelper output)
{
    public const int DefaultCount = 3000;
    private const int Concurrency = 8;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long the audit waits for the host to clean up an upload abandoned just before the end.</summary>
    private static readonly TimeSpan AuditSettle = TimeSpan.FromSeconds(2);

    /// <summary>Far above the ~60 s a default run takes on 2 cores: reached only if the host stops answering.</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SeededRequests_GetNo5xx_ShowNoTypeNamesOrStackTraces_AndLeaveNoUnreferencedBlobs()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var seed = Setting("HELPDESK_FUZZ_SEED", FuzzRequests.DefaultSeed);
        var count = Setting("HELPDESK_FUZZ_COUNT", DefaultCount);
        var only = Setting("HELPDESK_FUZZ_INDEX", -1);
        var target = new FuzzTarget(HelpdeskHost.ApiKey);
        var settings = target.HostSettings().ToDictionary(s => s.Key, s => (string?)s.Value);
        // Its own Azurite: thousands of requests (and the SLA work they start) would slow the shared one for the tests running beside.
        await using var azurite = await Azurite.StartPrivateAsync();
        settings["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString;
        // Information logs would cost time and bury the failure message.
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var host = await HelpdeskHost.StartAsync(settings);
        var started = clock.Elapsed;
        using var sender = new FuzzSender(host.BaseAddress, RequestTimeout);
        var findings = new FuzzFindings();
        var generator = new FuzzRequests(seed, target);

        var runner = new FuzzRunner(generator, sender, findings);
        var run = only >= 0 ? await runner.RunAsync([only], Concurrency, TimeLimit) : await runner.RunAsync(count, Concurrency, TimeLimit);
        var audit = await new AttachmentAudit(host.Storage).RunAsync(AuditSettle, CancellationToken.None);
        foreach (var blob in audit.Unreferenced)
        {
            findings.RecordUnreferencedBlob(blob, generator);
        }

        output.WriteLine($"Azurite and host started in {started.TotalSeconds:0.0} s; audit done {clock.Elapsed.TotalSeconds:0.0} s after the start");
        output.WriteLine($"seed {seed}: {run.Sent} of {run.Requested} requests in {run.Elapsed.TotalSeconds:0.0} s ({run.PerSecond:0}/s), concurrency {Concurrency}");
        output.WriteLine($"attachments: {audit.Blobs} blobs, {audit.Tickets} tickets referencing {audit.ReferencedBlobs}, {audit.Unreferenced.Count} unreferenced");
        output.WriteLine("status codes:\n" + findings.HistogramText());
        Assert.True(run.Complete, $"The run stopped early: {run.StoppedBecause} ({run.Sent} of {run.Requested} sent).\n" + findings.Report(seed));
        Assert.True(findings.Failures.Count == 0, findings.Report(seed));
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;
}
