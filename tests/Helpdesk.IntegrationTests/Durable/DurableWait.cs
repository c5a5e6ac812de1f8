using System.Diagnostics;
using Helpdesk.Core.Durable;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>Polls orchestration state with a deadline (no fixed sleeps).</summary>
public static class DurableWait
{
    public static async Task<OrchestrationInfo> UntilAsync(
        IOrchestrationClient client, string instanceId, Func<OrchestrationInfo, bool> condition, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        OrchestrationInfo? last = null;
        while (sw.Elapsed < timeout)
        {
            last = await client.GetAsync(instanceId, CancellationToken.None);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{instanceId}: not {what} after {timeout}; last state: {last}");
    }

    public static Task<OrchestrationInfo> ForCompletionAsync(IOrchestrationClient client, string instanceId, TimeSpan timeout) =>
        UntilAsync(client, instanceId, i => i.IsTerminal, timeout, "finished");

    public static Task<OrchestrationInfo> ForRunningAsync(IOrchestrationClient client, string instanceId, TimeSpan timeout) =>
        UntilAsync(client, instanceId, i => i.RuntimeStatus == DurableRuntimeStatus.Running, timeout, "running");
}
