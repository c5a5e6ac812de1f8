using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Helpdesk.Core.Durable;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Durable;

/// <summary>
/// <see cref="IOrchestrationClient"/> over the Durable Task Framework's <see cref="TaskHubClient"/> on the Azure
/// Storage backend. Independent of <see cref="DurableEngine"/>: it uses its own (never started) orchestration service
/// on the same task hub, so it works while engines stop and start.
/// </summary>
public sealed class TaskHubOrchestrationClient : IOrchestrationClient
{
    /// <summary>Statuses for which a start is a no-op: the live ones of <see cref="DurableStatuses"/>, as DTFx values.</summary>
    internal static readonly OrchestrationStatus[] LiveStatuses = DurableStatuses.LiveValuesOf<OrchestrationStatus>();

    /// <summary>Creates the client from the engine options.</summary>
    public TaskHubOrchestrationClient(IOptions<DurableEngineOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = new AzureStorageOrchestrationService(DurableStorage.CreateSettings(options.Value, loggerFactory));
        Inner = new TaskHubClient(service, SystemTextJsonDataConverter.Instance, loggerFactory);
    }

    /// <summary>The underlying DTFx client (for tests and tooling: <c>WaitForOrchestrationAsync</c>, history).</summary>
    public TaskHubClient Inner { get; }

    /// <inheritdoc/>
    public async Task StartOnceAsync(string orchestrationName, string instanceId, object? input, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestrationName);
        DurableInstanceIds.EnsureValid(instanceId);
        ct.ThrowIfCancellationRequested();
        try
        {
            // With dedupe statuses the Azure Storage backend returns silently when a live instance exists
            // (AzureStorageOrchestrationServiceSettings.ThrowExceptionOnInvalidDedupeStatus = false).
            await Inner.CreateOrchestrationInstanceAsync(orchestrationName, string.Empty, instanceId, input!, tags: null, LiveStatuses);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Same outcome when the backend is configured to throw: the instance is already live.
        }
    }

    /// <inheritdoc/>
    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ct.ThrowIfCancellationRequested();
        return Inner.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload!);
    }

    /// <inheritdoc/>
    public async Task<OrchestrationInfo?> GetAsync(string instanceId, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        ct.ThrowIfCancellationRequested();
        var state = await Inner.GetOrchestrationStateAsync(instanceId);
        return state is null ? null : ToInfo(state);
    }

    /// <inheritdoc/>
    public Task TerminateAsync(string instanceId, string reason, CancellationToken ct)
    {
        DurableInstanceIds.EnsureValid(instanceId);
        ct.ThrowIfCancellationRequested();
        return Inner.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
    }

    /// <summary>Maps a DTFx state to the Core snapshot.</summary>
    public static OrchestrationInfo ToInfo(OrchestrationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new OrchestrationInfo(
            state.OrchestrationInstance.InstanceId,
            state.Name,
            ToStatus(state.OrchestrationStatus),
            new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            state.Output);
    }

    /// <summary>The Core status of a DTFx status (<see cref="DurableStatuses"/>, by name).</summary>
    internal static DurableRuntimeStatus ToStatus(OrchestrationStatus status) => DurableStatuses.From(status);
}
