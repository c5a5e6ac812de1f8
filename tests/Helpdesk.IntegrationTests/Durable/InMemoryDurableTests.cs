using Helpdesk.Core.Durable;
using Helpdesk.Functions.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>
/// The same catalog-declared orchestration on durabletask-dotnet's in-memory test host (what SLA orchestration unit
/// tests will use), plus the Functions-side port adapter over the host's <see cref="DurableTaskClient"/>.
/// </summary>
public sealed class InMemoryDurableTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly RecordLog _log = new();
    private ServiceProvider _services = null!;
    private DurableTaskTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddPingServices(_log).BuildServiceProvider();
        var catalog = _services.GetRequiredService<DurableCatalog>();
        // The test host's own port choice does not check the port is free: take a free one, and another if some other
        // process binds it first.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _host = await DurableTaskTestHost.StartAsync(registry => registry.AddCatalog(catalog, _services),
                    new DurableTaskTestHostOptions { Port = Infrastructure.FreePorts.Reserve(1)[0] });
                return;
            }
            catch (IOException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Event_and_timer_paths_run_in_memory()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var client = _host.Client;

        var evt = await client.ScheduleNewOrchestrationInstanceAsync(
            PingOrchestration.Name, new PingInput(60), new StartOrchestrationOptions { InstanceId = "mem-evt" }, cts.Token);
        await client.RaiseEventAsync(evt, PingOrchestration.PingEvent, new PingPayload("carol", PingLevel.Urgent), cts.Token);
        var evtDone = await client.WaitForInstanceCompletionAsync(evt, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, evtDone.RuntimeStatus);
        Assert.Equal(new PingPayload("carol", PingLevel.Urgent), evtDone.ReadOutputAs<PingResult>()!.Payload);

        var timer = await client.ScheduleNewOrchestrationInstanceAsync(
            PingOrchestration.Name, new PingInput(1, ContinueAsNewRounds: 1), new StartOrchestrationOptions { InstanceId = "mem-timer" }, cts.Token);
        var timerDone = await client.WaitForInstanceCompletionAsync(timer, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, timerDone.RuntimeStatus);
        var result = timerDone.ReadOutputAs<PingResult>()!;
        Assert.Equal(("timer", 2), (result.Outcome, result.Iteration));
        Assert.True(result.ObservedAt >= result.Deadline);
        Assert.Equal(2, _log.For("mem-timer").Count);
    }

    [Fact]
    public async Task Functions_port_adapter_starts_once_signals_and_reads_state()
    {
        IOrchestrationClient port = _host.Client.AsOrchestrationClient();

        await port.StartOnceAsync(PingOrchestration.Name, "mem-port", new PingInput(60), CancellationToken.None);
        await port.StartOnceAsync(PingOrchestration.Name, "mem-port", new PingInput(1), CancellationToken.None);
        var running = await DurableWait.ForRunningAsync(port, "mem-port", Timeout);
        Assert.Equal(PingOrchestration.Name, running.Name);
        await port.StartOnceAsync(PingOrchestration.Name, "mem-port", new PingInput(1), CancellationToken.None);

        await port.RaiseEventAsync("mem-port", PingOrchestration.PingEvent, new PingPayload("dave", PingLevel.Low), CancellationToken.None);
        var done = await DurableWait.ForCompletionAsync(port, "mem-port", Timeout);
        Assert.Equal(DurableRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(running.CreatedAt, done.CreatedAt);

        await port.StartOnceAsync(PingOrchestration.Name, "mem-term", new PingInput(60), CancellationToken.None);
        await DurableWait.ForRunningAsync(port, "mem-term", Timeout);
        await port.TerminateAsync("mem-term", "test", CancellationToken.None);
        var terminated = await DurableWait.ForCompletionAsync(port, "mem-term", Timeout);
        Assert.Equal(DurableRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Null(await port.GetAsync("mem-unknown", CancellationToken.None));
    }
}
