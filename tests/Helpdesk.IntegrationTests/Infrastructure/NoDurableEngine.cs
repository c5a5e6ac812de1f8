using Helpdesk.Core.Durable;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The orchestration port of <see cref="CoreServices"/>, where no durable engine runs: a test that reaches it without
/// registering a real client fails with this message instead of silently doing nothing.
/// </summary>
internal sealed class NoDurableEngine : IOrchestrationClient
{
    private static InvalidOperationException None() =>
        new("No durable engine in CoreServices: register an IOrchestrationClient in the test's configure callback.");

    public Task StartOnceAsync(string orchestrationName, string instanceId, object? input, CancellationToken ct) => throw None();

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct) => throw None();

    public Task<OrchestrationInfo?> GetAsync(string instanceId, CancellationToken ct) => throw None();

    public Task TerminateAsync(string instanceId, string reason, CancellationToken ct) => throw None();
}
