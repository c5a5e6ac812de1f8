using System.Diagnostics;
using Helpdesk.Core.Durable;
using Helpdesk.Standalone.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>
/// The Core-declared test orchestration on the standalone engine: DTFx TaskHubWorker + AzureStorageOrchestrationService
/// on a private Azurite. Each test uses its own task hub.
/// </summary>
public sealed class StandaloneDurableEngineTests(PrivateAzurite azurite, ITestOutputHelper output) : IClassFixture<PrivateAzurite>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _hub = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly RecordLog _log = new();
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task Event_completes_the_orchestration_with_its_payload()
    {
        var (engine, client) = await StartEngineAsync();
        await client.StartOnceAsync(PingOrchestration.Name, "evt-1", new PingInput(TimerSeconds: 60), CancellationToken.None);
        await client.RaiseEventAsync("evt-1", PingOrchestration.PingEvent, new PingPayload("alice", PingLevel.Urgent), CancellationToken.None);

        var info = await DurableWait.ForCompletionAsync(client, "evt-1", Timeout);

        Assert.Equal(DurableRuntimeStatus.Completed, info.RuntimeStatus);
        Assert.Equal(PingOrchestration.Name, info.Name);
        Assert.Contains("\"level\":\"Urgent\"", info.SerializedOutput, StringComparison.Ordinal); // camelCase + enum as string
        var result = info.ReadOutput<PingResult>()!;
        Assert.Equal("pinged", result.Outcome);
        Assert.Equal(new PingPayload("alice", PingLevel.Urgent), result.Payload);
        Assert.Empty(_log.For("evt-1"));
        await engine.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Timer_fires_after_the_deadline_and_runs_the_activity_once(bool unpadded)
    {
        var (engine, client) = await StartEngineAsync();
        var sw = Stopwatch.StartNew();
        await client.StartOnceAsync(PingOrchestration.Name, "timer-1", new PingInput(TimerSeconds: 2, Unpadded: unpadded), CancellationToken.None);

        var info = await DurableWait.ForCompletionAsync(client, "timer-1", Timeout);
        output.WriteLine($"2 s timer completed after {sw.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(DurableRuntimeStatus.Completed, info.RuntimeStatus);
        var result = info.ReadOutput<PingResult>()!;
        output.WriteLine($"unpadded={unpadded} waits={result.Waits} observedAt-deadline={(result.ObservedAt - result.Deadline).TotalMilliseconds} ms");
        Assert.Equal("timer", result.Outcome);
        if (!unpadded)
        {
            Assert.InRange(result.Waits, 1, 2);
        }

        Assert.True(result.ObservedAt >= result.Deadline, $"observed {result.ObservedAt:O} before deadline {result.Deadline:O}");
        var call = Assert.Single(_log.For("timer-1"));
        Assert.True(call.Input.ObservedAt >= call.Input.Deadline);
        await engine.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ContinueAsNew_runs_each_round_with_a_fresh_activity_scope()
    {
        var (engine, client) = await StartEngineAsync();
        await client.StartOnceAsync(PingOrchestration.Name, "can-1", new PingInput(TimerSeconds: 1, ContinueAsNewRounds: 2), CancellationToken.None);

        var info = await DurableWait.ForCompletionAsync(client, "can-1", Timeout);

        Assert.Equal(DurableRuntimeStatus.Completed, info.RuntimeStatus);
        var result = info.ReadOutput<PingResult>()!;
        Assert.Equal(("timer", 3), (result.Outcome, result.Iteration));
        var calls = _log.For("can-1");
        Assert.Equal([1, 2, 3], calls.Select(c => c.Input.Iteration).Order());
        Assert.Equal(3, calls.Select(c => c.ScopeId).Distinct().Count());
        Assert.All(calls, c => Assert.True(c.Input.ObservedAt >= c.Input.Deadline));
        await engine.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Duplicate_start_of_a_live_instance_is_a_no_op_and_a_finished_one_restarts()
    {
        var (engine, client) = await StartEngineAsync();
        await client.StartOnceAsync(PingOrchestration.Name, "dup-1", new PingInput(TimerSeconds: 3), CancellationToken.None);
        var first = await client.GetAsync("dup-1", CancellationToken.None);
        Assert.NotNull(first);

        // Twice more while pending/running, with other inputs: no exception, no new execution.
        await client.StartOnceAsync(PingOrchestration.Name, "dup-1", new PingInput(TimerSeconds: 1), CancellationToken.None);
        await DurableWait.ForRunningAsync(client, "dup-1", Timeout);
        await client.StartOnceAsync(PingOrchestration.Name, "dup-1", new PingInput(TimerSeconds: 1), CancellationToken.None);

        var info = await DurableWait.ForCompletionAsync(client, "dup-1", Timeout);
        var result = info.ReadOutput<PingResult>()!;
        Assert.Equal(first.CreatedAt, info.CreatedAt);
        Assert.True(result.Deadline - first.CreatedAt.UtcDateTime >= TimeSpan.FromSeconds(2.5), "the first input (3 s) ran, not a duplicate");
        Assert.Single(_log.For("dup-1"));

        // A completed instance is replaced by a new execution.
        await client.StartOnceAsync(PingOrchestration.Name, "dup-1", new PingInput(TimerSeconds: 60), CancellationToken.None);
        var restarted = await client.GetAsync("dup-1", CancellationToken.None);
        Assert.False(restarted!.IsTerminal);
        await client.RaiseEventAsync("dup-1", PingOrchestration.PingEvent, new PingPayload("bob", PingLevel.Low), CancellationToken.None);
        var second = await DurableWait.ForCompletionAsync(client, "dup-1", Timeout);
        Assert.Equal("pinged", second.ReadOutput<PingResult>()!.Outcome);
        Assert.True(second.CreatedAt > info.CreatedAt);
        Assert.Single(_log.For("dup-1"));
        await engine.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Pending_timer_survives_a_graceful_engine_restart_and_the_activity_runs_once()
    {
        var sw = Stopwatch.StartNew();
        var (first, client) = await StartEngineAsync();
        output.WriteLine($"engine 1 started at {sw.Elapsed.TotalSeconds:F2} s");
        await client.StartOnceAsync(PingOrchestration.Name, "restart-1", new PingInput(TimerSeconds: 3), CancellationToken.None);
        await DurableWait.ForRunningAsync(client, "restart-1", Timeout);
        output.WriteLine($"orchestration running (timer pending) at {sw.Elapsed.TotalSeconds:F2} s");

        await first.StopAsync(CancellationToken.None);
        output.WriteLine($"engine 1 stopped at {sw.Elapsed.TotalSeconds:F2} s");
        Assert.Empty(_log.For("restart-1"));

        var (second, _) = await StartEngineAsync();
        Assert.NotSame(first, second);
        output.WriteLine($"engine 2 started at {sw.Elapsed.TotalSeconds:F2} s");

        var info = await DurableWait.ForCompletionAsync(client, "restart-1", Timeout);
        output.WriteLine($"completed at {sw.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(DurableRuntimeStatus.Completed, info.RuntimeStatus);
        var result = info.ReadOutput<PingResult>()!;
        Assert.Equal("timer", result.Outcome);
        Assert.True(result.ObservedAt >= result.Deadline);
        Assert.Single(_log.For("restart-1"));
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Instance_id_rules_are_enforced_by_the_client()
    {
        Assert.True(DurableInstanceIds.IsValid("sla-T-000123"));
        Assert.False(DurableInstanceIds.IsValid("a/b"));
        Assert.False(DurableInstanceIds.IsValid("@entity"));
        Assert.False(DurableInstanceIds.IsValid(new string('x', 257)));
        Assert.False(DurableInstanceIds.IsValid("tab\there"));
    }

    /// <summary>A new service provider (hence a new DurableEngine object) on the same hub, sharing the record log.</summary>
    private async Task<(DurableEngine Engine, IOrchestrationClient Client)> StartEngineAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Helpdesk:Durable:HubName"] = _hub,
            ["Helpdesk:Durable:MaxQueuePollingInterval"] = "00:00:01",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b
                .AddProvider(new TestOutputLoggerProvider(output))
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("DurableTask", LogLevel.Warning)
                .AddFilter("Microsoft.DurableTask", LogLevel.Warning))
            .AddPingServices(_log)
            .AddSingleton<IConfiguration>(configuration)
            .AddHelpdeskDurableEngine();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _providers.Add(provider);
        var engine = provider.GetRequiredService<DurableEngine>();
        await engine.StartAsync(CancellationToken.None);
        return (engine, provider.GetRequiredService<IOrchestrationClient>());
    }
}
