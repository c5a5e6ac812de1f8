using Helpdesk.Core.Durable;

namespace Helpdesk.Core.Sla;

/// <summary>The SLA timer engine over the hosts' durable client: one orchestration instance per ticket.</summary>
public sealed class DurableSlaTimerEngine(IOrchestrationClient client) : ISlaTimerEngine
{
    public Task StartAsync(int ticketNumber, CancellationToken ct) => StartAsync(ticketNumber, null, ct);

    public Task StartAsync(int ticketNumber, DateTimeOffset? firstLook, CancellationToken ct) =>
        client.StartOnceAsync(SlaOrchestration.Name, SlaOrchestration.InstanceId(ticketNumber), new SlaTimerState(ticketNumber, FirstLook: firstLook), ct);

    public Task NotifyChangedAsync(int ticketNumber, CancellationToken ct) =>
        client.RaiseEventAsync(SlaOrchestration.InstanceId(ticketNumber), SlaOrchestration.ChangedEvent, null, ct);

    public Task StopAsync(int ticketNumber, string reason, CancellationToken ct) =>
        client.TerminateAsync(SlaOrchestration.InstanceId(ticketNumber), reason, ct);

    public async Task<bool> IsRunningAsync(int ticketNumber, CancellationToken ct)
    {
        var info = await client.GetAsync(SlaOrchestration.InstanceId(ticketNumber), ct);
        return info is not null && !info.IsTerminal;
    }
}
