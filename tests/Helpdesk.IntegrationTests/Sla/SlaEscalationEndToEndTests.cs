using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Sla;

/// <summary>
/// The SLA engine end to end on the standalone host: real Durable Task Framework on Azurite, real mails. With a 12 s
/// P1 resolution target, L1 has 6 s, L2 3.6 s: nobody acts, so the ticket climbs to L3 on its own.
/// </summary>
public class SlaEscalationEndToEndTests
{
    [Fact]
    public async Task UnattendedTicket_EscalatesTwiceOnItsOwn_AndEachLevelGroupIsMailed()
    {
        await using var host = await HelpdeskHost.StartAsync(SlaSettings.P1(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12)));
        var (number, createdAt) = await CreateP1Async(host, "Serveur de fichiers en panne");

        var toL2 = await host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "l2@helpdesk.test") && (m.Subject ?? "").Contains($"#{number}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var toL3 = await host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "l3@helpdesk.test") && (m.Subject ?? "").Contains($"#{number}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.NotNull(toL2);
        Assert.NotNull(toL3);

        var ticket = (await host.Get<TicketStore>().GetAsync(number, default))!.Ticket;
        Assert.Equal(SupportLevel.L3, ticket.Level);
        var timeline = await host.Get<TicketStore>().GetTimelineAsync(number, default);
        var escalations = timeline.Where(e => e.Kind == "escalated").ToList();
        Assert.Equal(2, escalations.Count);
        Assert.All(escalations, e => Assert.Equal(SlaActors.System, e.Actor));
        // Never before the level's share of the target was used: L1 at 6 s, L2 at 6 + 3.6 s.
        Assert.True(escalations[0].At >= createdAt.AddSeconds(6), $"L1→L2 at {escalations[0].At:O}, created {createdAt:O}");
        Assert.True(escalations[1].At >= createdAt.AddSeconds(9.6), $"L2→L3 at {escalations[1].At:O}, created {createdAt:O}");
        Assert.Contains(await host.Get<LevelQueues>().ListAsync(SupportLevel.L3, 10, null, default) is var l3 ? l3.Items : [], i => i.Number == number);

        // The technician's view shows the clock: per target the due date, time used and left, and time per level.
        using var tech = host.TechnicianClient();
        var view = (await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")).GetProperty("sla");
        Assert.Equal("L3", view.GetProperty("level").GetString());
        var resolution = view.GetProperty("resolution");
        Assert.Equal(createdAt.AddSeconds(12), resolution.GetProperty("due").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.True(resolution.TryGetProperty("used", out _) && resolution.TryGetProperty("left", out _));
        Assert.Equal("breached", view.GetProperty("firstResponse").GetProperty("state").GetString());
        Assert.True(view.GetProperty("timeAtLevel").TryGetProperty("L1", out var l1));
        // L1 had its 6 s share (never less: no early escalation); the upper bound only guards against nonsense on a slow machine.
        Assert.InRange(TimeSpan.Parse(l1.GetString()!, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds, 6, 30);

        // The clock log records the warnings, escalations and breaches once each.
        var log = await host.Get<ISlaClockLog>().ReadAsync(number, default);
        Assert.Equal(2, log.OfType<SlaClockEvent.Escalated>().Count());
        Assert.Single(log.OfType<SlaClockEvent.Breached>(), b => b.Target == SlaTarget.FirstResponse);
    }

    [Fact]
    public async Task AcknowledgedAndResolvedTicket_IsNeverEscalated_AndItsTimerEnds()
    {
        await using var host = await HelpdeskHost.StartAsync(SlaSettings.P1(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)));
        var (number, _) = await CreateP1Async(host, "Internet coupé");
        using var tech = host.TechnicianClient();
        (await tech.PostAsJsonAsync($"/api/tickets/{number}/acknowledge", new { actor = "alice" })).EnsureSuccessStatusCode();
        (await tech.PostAsJsonAsync($"/api/tickets/{number}/resolve", new { actor = "alice", resolution = "Router restarted" })).EnsureSuccessStatusCode();

        // The orchestration ends once it has seen the resolution; after that no timer of this ticket can fire.
        var durable = host.Get<Helpdesk.Core.Durable.IOrchestrationClient>();
        await Poll.UntilAsync(async () => (await durable.GetAsync(SlaOrchestration.InstanceId(number), default)) is { IsTerminal: true },
            TimeSpan.FromSeconds(30), "the SLA orchestration to end after the ticket was resolved");

        var log = await host.Get<ISlaClockLog>().ReadAsync(number, default);
        Assert.Contains(log, e => e is SlaClockEvent.ResponseMet);
        Assert.Contains(log, e => e is SlaClockEvent.Resolved);
        Assert.DoesNotContain(log, e => e is SlaClockEvent.Escalated);
        Assert.Equal(SupportLevel.L1, (await host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Level);
    }

    /// <summary>A ticket from the whole company, blocked: P1.</summary>
    private static async Task<(int Number, DateTimeOffset CreatedAt)> CreateP1Async(HelpdeskHost host, string subject)
    {
        using var client = host.Client();
        var body = IntakeEndToEndTests.FormFields($"ceo.{Guid.NewGuid():N}@example.be", subject);
        body["impact"] = "organization";
        body["canWork"] = "no";
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("number").GetInt32(), created.GetProperty("createdAt").GetDateTimeOffset());
    }
}
