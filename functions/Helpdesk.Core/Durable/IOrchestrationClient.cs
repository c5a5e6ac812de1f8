namespace Helpdesk.Core.Durable;

/// <summary>
/// Port through which Core starts, signals, inspects and stops durable orchestrations.
/// Implemented by the standalone host over the Durable Task Framework's <c>TaskHubClient</c>
/// and by the Functions host over <c>Microsoft.DurableTask.Client.DurableTaskClient</c>.
/// </summary>
/// <remarks>
/// Instance ids are business keys (for example a ticket id); see <see cref="DurableInstanceIds"/> for the rules.
/// All payloads go through <see cref="DurableJson.Options"/> so records round-trip identically in both hosts.
/// </remarks>
public interface IOrchestrationClient
{
    /// <summary>
    /// Starts <paramref name="orchestrationName"/> under <paramref name="instanceId"/> unless an instance with that id is
    /// already live.
    /// <list type="bullet">
    /// <item>No instance with that id: a new instance is scheduled (status <see cref="DurableRuntimeStatus.Pending"/>).</item>
    /// <item>An instance that is <see cref="DurableRuntimeStatus.Pending"/>, <see cref="DurableRuntimeStatus.Running"/>,
    /// <see cref="DurableRuntimeStatus.ContinuedAsNew"/> or <see cref="DurableRuntimeStatus.Suspended"/>: silent no-op;
    /// the existing instance keeps its input and <paramref name="input"/> is discarded.</item>
    /// <item>An instance that is <see cref="DurableRuntimeStatus.Completed"/>, <see cref="DurableRuntimeStatus.Failed"/>
    /// or <see cref="DurableRuntimeStatus.Terminated"/>: replaced by a fresh execution with <paramref name="input"/>
    /// (same instance id, new history).</item>
    /// </list>
    /// Two truly concurrent first starts of the same id are deduplicated by the backend on a best-effort basis;
    /// callers that need strict once-only semantics should start from a single writer (e.g. a queue-triggered handler).
    /// </summary>
    Task StartOnceAsync(string orchestrationName, string instanceId, object? input, CancellationToken ct);

    /// <summary>
    /// Raises <paramref name="eventName"/> (case-insensitive) on the instance. An event raised before the orchestration
    /// waits for it is buffered. Events sent to an unknown or finished instance are dropped by the backend
    /// (no exception).
    /// </summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct);

    /// <summary>Returns the status of the latest execution of the instance, or <c>null</c> if it does not exist.</summary>
    Task<OrchestrationInfo?> GetAsync(string instanceId, CancellationToken ct);

    /// <summary>Requests termination of a live instance; no-op for a finished or unknown instance.</summary>
    Task TerminateAsync(string instanceId, string reason, CancellationToken ct);
}
