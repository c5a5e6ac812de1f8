using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Helpdesk.Core.Durable;
using Helpdesk.Core.Sla;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Sla;

/// <summary>
/// Where the SLA engine's task hub lives: on its own storage (the <c>DurableStorage</c> connection, a second Azurite
/// here as a second account on Azure), so that its polls and history writes never queue in front of the ticket store;
/// or, when that connection is not set, on the ticket store's account (a supported one-account tenant).
/// </summary>
public class TaskHubStorageTests
{
    [Fact]
    public async Task SeparateAccount_TheTaskHubLivesOnItsOwnStorage_AndTheTicketStoreHasNoneOfIt()
    {
        await using var host = await HelpdeskHost.StartAsync();
        var number = await CreateP1WithRunningSlaTimerAsync(host);

        var hub = host.Prefix + "hub";
        var taskHubs = await Azurite.StartTaskHubsAsync();
        var tickets = await Azurite.StartAsync();
        Assert.Contains(hub + "Instances", await TablesAsync(taskHubs, hub));
        Assert.Contains(hub + "History", await TablesAsync(taskHubs, hub));
        Assert.Contains(hub.ToLowerInvariant() + "-workitems", await QueuesAsync(taskHubs, hub));
        Assert.Empty(await TablesAsync(tickets, hub));
        Assert.Empty(await QueuesAsync(tickets, hub));
        // The ticket itself is in the ticket store, not beside the hub.
        Assert.NotNull(await host.Get<Helpdesk.Core.Tickets.TicketStore>().GetAsync(number, default));
    }

    [Fact]
    public async Task OneAccount_WithoutTheDurableStorageConnection_TheEngineRunsOnTheTicketStore()
    {
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["DurableStorage"] = null });
        await CreateP1WithRunningSlaTimerAsync(host);

        var hub = host.Prefix + "hub";
        Assert.Contains(hub + "Instances", await TablesAsync(await Azurite.StartAsync(), hub));
        Assert.Empty(await TablesAsync(await Azurite.StartTaskHubsAsync(), hub));
    }

    private static async Task<int> CreateP1WithRunningSlaTimerAsync(HelpdeskHost host)
    {
        using var client = host.Client();
        var body = IntakeEndToEndTests.FormFields($"ceo.{Guid.NewGuid():N}@example.be", "Tout le réseau est coupé");
        body["impact"] = "organization";
        body["canWork"] = "no";
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        response.EnsureSuccessStatusCode();
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();

        var durable = host.Get<IOrchestrationClient>();
        await Poll.UntilAsync(async () => (await durable.GetAsync(SlaOrchestration.InstanceId(number), default)) is { IsTerminal: false },
            TimeSpan.FromSeconds(60), $"the SLA orchestration of #{number} to run");
        return number;
    }

    private static async Task<List<string>> TablesAsync(Azurite azurite, string hub)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(t => t.Name.CompareTo(hub) >= 0 && t.Name.CompareTo(hub + "~") < 0))
        {
            names.Add(table.Name);
        }

        return names;
    }

    private static async Task<List<string>> QueuesAsync(Azurite azurite, string hub)
    {
        var names = new List<string>();
        await foreach (var queue in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync(prefix: hub.ToLowerInvariant()))
        {
            names.Add(queue.Name);
        }

        return names;
    }
}
