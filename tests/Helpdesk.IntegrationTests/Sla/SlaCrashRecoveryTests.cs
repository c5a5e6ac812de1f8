using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Sla;

/// <summary>
/// Kill the standalone host (SIGKILL) while 200 tickets have running SLA timers, start it again on the same storage:
/// every escalation still happens, exactly once, and never before it is due.
/// </summary>
public class SlaCrashRecoveryTests
{
    private const int Tickets = 200;

    [Fact]
    public async Task HardKillWithRunningTimers_EveryEscalationHappensExactlyOnce()
    {
        var azurite = await Azurite.StartAsync();
        var taskHubs = await Azurite.StartTaskHubsAsync();
        await using var smtp = await TestSmtpServer.StartAsync();
        var prefix = "k" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string>
        {
            ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Helpdesk:Storage:Prefix"] = prefix,
            ["Helpdesk:Durable:HubName"] = prefix + "hub",
            // The production layout: the task hub on its own storage.
            ["DurableStorage"] = taskHubs.ConnectionString,
            ["Helpdesk:Durable:LeaseInterval"] = "00:00:15",
            ["Helpdesk:ApiKey"] = HelpdeskHost.ApiKey,
            ["Helpdesk:Signing:Key"] = HelpdeskHost.SigningKey,
            ["Helpdesk:Smtp:Host"] = smtp.Host,
            ["Helpdesk:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Helpdesk:Smtp:Security"] = "None",
            ["Helpdesk:SupportAddress"] = "support@helpdesk.test",
        };
        // First response 40 s, resolution 80 s: L1→L2 due at 40 s, L2→L3 at 64 s after creation.
        foreach (var (key, value) in SlaSettings.P1(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)))
        {
            settings[key] = value!;
        }

        var port = FreePorts.Reserve(1)[0];
        var created = new List<(int Number, DateTimeOffset At)>();
        await using (var first = await StandaloneProcess.StartAsync(port, settings))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            await Parallel.ForEachAsync(Enumerable.Range(0, Tickets), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var body = IntakeEndToEndTests.FormFields($"user{i}.{Guid.NewGuid():N}@example.be", $"Panne générale {i}");
                body["impact"] = "organization";
                body["canWork"] = "no";
                using var response = await client.PostAsJsonAsync("/api/tickets", body, ct);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                lock (created)
                {
                    created.Add((json.GetProperty("number").GetInt32(), json.GetProperty("createdAt").GetDateTimeOffset()));
                }
            });

            // Every ticket's clock has started (its orchestration was asked to start) before the crash.
            await using var core = await CoreOn(prefix);
            var log = core.Get<ISlaClockLog>();
            await Poll.UntilAsync(async () =>
            {
                foreach (var (number, _) in created)
                {
                    if ((await log.ReadAsync(number, default)).Count == 0)
                    {
                        return false;
                    }
                }

                return true;
            }, TimeSpan.FromSeconds(60), "clocks started for every ticket", TimeSpan.FromMilliseconds(500));

            await first.KillAsync();
        }

        Assert.Equal(Tickets, created.Count);
        await using (var second = await StandaloneProcess.StartAsync(port, settings))
        await using (var core = await CoreOn(prefix))
        {
            var store = core.Get<TicketStore>();
            await Poll.UntilAsync(async () =>
            {
                foreach (var (number, _) in created)
                {
                    if ((await store.GetAsync(number, default))!.Ticket.Level != SupportLevel.L3)
                    {
                        return false;
                    }
                }

                return true;
            }, TimeSpan.FromMinutes(8), "all tickets at L3", TimeSpan.FromMilliseconds(500));

            foreach (var (number, at) in created)
            {
                var escalations = (await store.GetTimelineAsync(number, default)).Where(e => e.Kind == "escalated").ToList();
                Assert.Equal(2, escalations.Count);
                Assert.True(escalations[0].At >= at.AddSeconds(40), $"#{number} escalated to L2 early");
                Assert.True(escalations[1].At >= at.AddSeconds(64), $"#{number} escalated to L3 early");
            }

            // One mail to each group per ticket, whatever the crash interrupted.
            await Poll.UntilAsync(() => Task.FromResult(smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == "l3@helpdesk.test")) >= Tickets),
                TimeSpan.FromSeconds(60), "L3 mails", TimeSpan.FromMilliseconds(500));
            foreach (var group in new[] { "l2@helpdesk.test", "l3@helpdesk.test" })
            {
                var perTicket = smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == group) && m.Subject?.Contains("escal", StringComparison.OrdinalIgnoreCase) == true)
                    .GroupBy(m => m.Subject).ToList();
                Assert.All(perTicket, g => Assert.Single(g));
            }

            Assert.DoesNotContain(second.Output.Split('\n'), l => l.Contains("crit:", StringComparison.Ordinal));
        }
    }

    /// <summary>The application core on the host processes' storage, to read what they wrote.</summary>
    private static Task<CoreServices> CoreOn(string prefix) =>
        CoreServices.StartAsync(s => s.AddSingleton<ISlaClockLog, SlaClockStore>(), new Dictionary<string, string?> { ["Helpdesk:Storage:Prefix"] = prefix });
}
