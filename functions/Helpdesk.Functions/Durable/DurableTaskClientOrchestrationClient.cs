using DurableTask.Core.Exceptions;
using Grpc.Core;
using Helpdesk.Core.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Durable;

/// <summary>
/// <see cref="IOrchestrationClient"/> over the isolated worker's <see cref="DurableTaskClient"/>.
/// </summary>
/// <remarks>
/// <para>
/// Getting the client: <c>Microsoft.Azure.Functions.Worker.Extensions.DurableTask</c> 1.21.1 registers only an
/// <c>IDurableTaskClientProvider</c> in DI, which needs the gRPC endpoint that the host sends in the
/// <c>[DurableClient]</c> binding payload; no <see cref="DurableTaskClient"/> is resolvable from DI. So a function that
/// can reach the port declares the binding, and <see cref="DurableClientMiddleware"/> wraps the bound client into
/// <see cref="BoundOrchestrationClient"/> (the port in DI) for the invocation:
/// <code>
/// [Function("TicketEvents")]
/// public Task Run([QueueTrigger("ticket-events")] string message, [DurableClient] DurableTaskClient durableClient, CancellationToken ct)
///     => dispatcher.DispatchAsync(message, 1, ct); // reaches IOrchestrationClient through DI
/// </code>
/// </para>
/// <para>
/// Wrapping a Core orchestration (no <c>Microsoft.DurableTask.Generators</c>, so no class-based <c>[DurableTask]</c>):
/// one function-based wrapper per catalog entry, under the same name constant, in a class that gets the
/// <see cref="DurableCatalog"/> from DI:
/// <code>
/// [Function(SlaNames.Orchestration)]
/// public Task&lt;SlaResult&gt; Sla([OrchestrationTrigger] TaskOrchestrationContext context)
///     => catalog.RunOrchestrationAsync&lt;SlaInput, SlaResult&gt;(SlaNames.Orchestration, context);
///
/// [Function(SlaNames.Evaluate)]
/// public Task&lt;Evaluation&gt; Evaluate([ActivityTrigger] EvaluateInput input, FunctionContext fc)
///     => catalog.RunActivityAsync&lt;EvaluateInput, Evaluation&gt;(SlaNames.Evaluate, fc.InstanceServices, input, fc.CancellationToken);
/// </code>
/// <c>fc.InstanceServices</c> is already scoped to the invocation. Payload JSON is the worker's
/// <c>WorkerOptions.Serializer</c>: <see cref="DurableFunctionsServiceCollectionExtensions.AddHelpdeskDurableJson"/>
/// sets it to <see cref="DurableJson.Options"/>, the same as the standalone host.
/// </para>
/// </remarks>
public sealed class DurableTaskClientOrchestrationClient : IOrchestrationClient
{
    /// <summary>Statuses for which a start is a no-op: the live ones of <see cref="DurableStatuses"/>, as SDK values.</summary>
    internal static readonly OrchestrationRuntimeStatus[] LiveStatuses = DurableStatuses.LiveValuesOf<OrchestrationRuntimeStatus>();

    private readonly DurableTaskClient _client;

    /// <summary>Wraps a bound client.</summary>
    public DurableTaskClientOrchestrationClient(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc/>
    public async Task StartOnceAsync(string orchestrationName, string instanceId, object? input, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestrationName);
        DurableInstanceIds.EnsureValid(instanceId);
        var options = new StartOrchestrationOptions { InstanceId = instanceId }.WithDedupeStatuses(LiveStatuses);
        try
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(orchestrationName, input, options, ct);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A live instance with this id exists: start-once means success.
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // Same, from clients that surface the raw gRPC status.
        }
    }

    /// <inheritdoc/>
    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return _client.RaiseEventAsync(instanceId, eventName, payload, ct);
    }

    /// <inheritdoc/>
    public async Task<OrchestrationInfo?> GetAsync(string instanceId, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        var metadata = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct);
        return metadata is null ? null : ToInfo(metadata);
    }

    /// <inheritdoc/>
    public Task TerminateAsync(string instanceId, string reason, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        return _client.TerminateInstanceAsync(instanceId, reason, ct);
    }

    /// <summary>Maps SDK metadata to the Core snapshot.</summary>
    public static OrchestrationInfo ToInfo(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new OrchestrationInfo(
            metadata.InstanceId,
            metadata.Name,
            ToStatus(metadata.RuntimeStatus),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.SerializedOutput ?? metadata.FailureDetails?.ErrorMessage);
    }

    /// <summary>The Core status of an SDK status (<see cref="DurableStatuses"/>, by name).</summary>
    internal static DurableRuntimeStatus ToStatus(OrchestrationRuntimeStatus status) => DurableStatuses.From(status);
}

/// <summary>Factory for function classes that bind <c>[DurableClient] DurableTaskClient</c>.</summary>
public static class DurableTaskClientOrchestrationClientExtensions
{
    /// <summary>Wraps the bound client as the Core port.</summary>
    public static IOrchestrationClient AsOrchestrationClient(this DurableTaskClient client) => new DurableTaskClientOrchestrationClient(client);
}
