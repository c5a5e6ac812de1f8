using Helpdesk.Core.Durable;
using Helpdesk.Functions.Durable;
using Helpdesk.Standalone.Durable;
using DtfxStatus = DurableTask.Core.OrchestrationStatus;
using SdkStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus;

namespace Helpdesk.IntegrationTests.Durable;

/// <summary>
/// Both orchestration clients (DTFx in the standalone host, durabletask-dotnet in the Functions app) read statuses and
/// apply start-once through one table, <see cref="DurableStatuses"/>: they must agree on every SDK value.
/// </summary>
public class DurableStatusesTests
{
    [Fact]
    public void BothSdks_HaveTheSameStatusNames_AllKnownToTheTable()
    {
        var dtfx = Enum.GetNames<DtfxStatus>().Order(StringComparer.Ordinal).ToList();
        var sdk = Enum.GetNames<SdkStatus>().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(dtfx, sdk);
        Assert.Equal(dtfx, DurableStatuses.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BothClients_MapEverySdkStatus_Identically()
    {
        foreach (var name in Enum.GetNames<SdkStatus>())
        {
            var functions = DurableTaskClientOrchestrationClient.ToStatus(Enum.Parse<SdkStatus>(name));
            var standalone = TaskHubOrchestrationClient.ToStatus(Enum.Parse<DtfxStatus>(name));

            Assert.True(functions == standalone, $"{name}: Functions client says {functions}, standalone client says {standalone}");
            Assert.Equal(DurableStatuses.FromName(name), functions);
        }
    }

    [Fact]
    public void BothClients_DedupeOnTheSameLiveStatuses_IncludingContinuedAsNew()
    {
        var functions = DurableTaskClientOrchestrationClient.LiveStatuses.Select(s => s.ToString()).Order(StringComparer.Ordinal).ToList();
        var standalone = TaskHubOrchestrationClient.LiveStatuses.Select(s => s.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["ContinuedAsNew", "Pending", "Running", "Suspended"], functions);
        Assert.Equal(functions, standalone);
        Assert.Equal(DurableStatuses.Live.Order(), functions.Select(DurableStatuses.FromName).Order());
    }
}
