using Helpdesk.Core.Durable;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Durable;

/// <summary>
/// The <see cref="IOrchestrationClient"/> registered in the Functions app's DI. The isolated worker only hands out a
/// <see cref="DurableTaskClient"/> through the <c>[DurableClient]</c> binding, so a function that may reach the port
/// (directly or through Core services such as the SLA timer engine) declares that binding, and
/// <see cref="DurableClientMiddleware"/> calls <see cref="Bind"/> for the duration of its invocation. Using the port
/// outside such an invocation is a wiring bug: it fails loudly here, and a test checks every function's DI graph.
/// </summary>
public sealed class BoundOrchestrationClient : IOrchestrationClient
{
    private static readonly AsyncLocal<IOrchestrationClient?> Current = new();

    public static IDisposable Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client.AsOrchestrationClient();
        return new Restore(previous);
    }

    private static IOrchestrationClient Client =>
        Current.Value ?? throw new InvalidOperationException(
            "No durable client is bound to this invocation: add a [DurableClient] DurableTaskClient parameter to the function (DurableClientMiddleware binds it).");

    public Task StartOnceAsync(string orchestrationName, string instanceId, object? input, CancellationToken ct) =>
        Client.StartOnceAsync(orchestrationName, instanceId, input, ct);

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct) =>
        Client.RaiseEventAsync(instanceId, eventName, payload, ct);

    public Task<OrchestrationInfo?> GetAsync(string instanceId, CancellationToken ct) => Client.GetAsync(instanceId, ct);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken ct) => Client.TerminateAsync(instanceId, reason, ct);

    private sealed class Restore(IOrchestrationClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
