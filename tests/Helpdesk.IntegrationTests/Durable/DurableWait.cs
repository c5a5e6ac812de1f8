using Helpdesk.Core.Durable;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>Waits for an orchestration's state through <see cref="Poll"/> (no fixed sleeps).</summary>
public static class DurableWait
{
    public static async Task<OrchestrationInfo> UntilAsync(
        IOrchestrationClient client, string instanceId, Func<OrchestrationInfo, bool> condition, TimeSpan timeout, string what) =>
        (await Poll.UntilAsync(() => client.GetAsync(instanceId, CancellationToken.None), i => i is not null && condition(i), timeout,
            $"{instanceId} {what}", TimeSpan.FromMilliseconds(100)))!;

    public static Task<OrchestrationInfo> ForCompletionAsync(IOrchestrationClient client, string instanceId, TimeSpan timeout) =>
        UntilAsync(client, instanceId, i => i.IsTerminal, timeout, "finished");

    public static Task<OrchestrationInfo> ForRunningAsync(IOrchestrationClient client, string instanceId, TimeSpan timeout) =>
        UntilAsync(client, instanceId, i => i.RuntimeStatus == DurableRuntimeStatus.Running, timeout, "running");
}
