using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Durable;
using Helpdesk.Core.Sla;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Durable;

namespace Helpdesk.IntegrationTests.Sla;

/// <summary>
/// <c>Helpdesk:Durable:RunEngine=false</c> (an intake-only instance, and the intake benchmark's "without the SLA engine"
/// leg): tickets are taken and acknowledged as usual, each ticket's SLA timer is queued in the task hub, and nothing
/// runs it in this process; a host with the engine on then picks the queued timer up.
/// </summary>
public class DurableEngineSwitchTests
{
    [Fact]
    public async Task EngineNotRun_TicketIsAcknowledged_AndItsTimerWaitsQueued_UntilAnEngineRuns()
    {
        // Both hosts serve the same tenant: same tables and queues, same task hub.
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var tenant = new Dictionary<string, string?> { ["Helpdesk:Storage:Prefix"] = prefix, ["Helpdesk:Durable:HubName"] = prefix + "hub" };
        var requester = $"ceo.{Guid.NewGuid():N}@example.be";
        int number;
        await using (var intakeOnly = await HelpdeskHost.StartAsync(new Dictionary<string, string?>(tenant) { ["Helpdesk:Durable:RunEngine"] = "false" }))
        {
            Assert.False(intakeOnly.Get<DurableEngine>().IsRunning);
            number = await CreateP1Async(intakeOnly, requester);
            await intakeOnly.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == requester), TimeSpan.FromSeconds(30));

            // The "created" event's handlers (acknowledgment, SLA clock) run side by side: wait for the queued timer.
            var client = intakeOnly.Get<IOrchestrationClient>();
            var queued = await Poll.UntilAsync(() => client.GetAsync(SlaOrchestration.InstanceId(number), default), i => i is not null,
                TimeSpan.FromSeconds(30), $"the SLA timer of #{number} to be queued");
            Assert.Equal(DurableRuntimeStatus.Pending, queued!.RuntimeStatus);
        }

        // Same task hub, engine on (another instance of the same tenant): the queued timer runs.
        await using var engine = await HelpdeskHost.StartAsync(tenant);
        var durable = engine.Get<IOrchestrationClient>();
        await Poll.UntilAsync(async () => (await durable.GetAsync(SlaOrchestration.InstanceId(number), default))?.RuntimeStatus == DurableRuntimeStatus.Running,
            TimeSpan.FromSeconds(60), $"the queued SLA timer of #{number} to run once an engine serves the hub");
    }

    private static async Task<int> CreateP1Async(HelpdeskHost host, string requester)
    {
        using var client = host.Client();
        var body = IntakeEndToEndTests.FormFields(requester, "Tout le réseau est coupé");
        body["impact"] = "organization";
        body["canWork"] = "no";
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }
}
