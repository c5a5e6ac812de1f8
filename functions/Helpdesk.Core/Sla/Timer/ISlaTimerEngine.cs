
namespace Helpdesk.Core.Sla;

/// <summary>
/// The timer engine that runs one <see cref="SlaOrchestration"/> per ticket. The hosts implement it over their
/// durable client (start-once under <see cref="SlaOrchestration.InstanceId"/>, raise <see cref="SlaOrchestration.ChangedEvent"/>).
/// </summary>
public interface ISlaTimerEngine
{
    /// <summary>Starts the ticket's orchestration; a no-op when one is already running.</summary>
    Task StartAsync(int ticketNumber, CancellationToken ct);

    /// <summary>
    /// Starts the ticket's orchestration knowing when it first needs to look (<see cref="SlaTimerState.FirstLook"/>),
    /// so that it does not run a turn that only finds nothing due. An engine that cannot carry it starts as usual.
    /// </summary>
    Task StartAsync(int ticketNumber, DateTimeOffset? firstLook, CancellationToken ct) => StartAsync(ticketNumber, ct);

    /// <summary>Tells the running orchestration that the ticket's clock log changed (raises the "ticket-changed" event).</summary>
    Task NotifyChangedAsync(int ticketNumber, CancellationToken ct);

    /// <summary>Ends the ticket's orchestration (terminate) if it runs.</summary>
    Task StopAsync(int ticketNumber, string reason, CancellationToken ct);

    Task<bool> IsRunningAsync(int ticketNumber, CancellationToken ct);
}
