using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Maintenance;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Schedules;
using Helpdesk.Testing;

namespace Helpdesk.IntegrationTests.Maintenance;

/// <summary>
/// End to end on the standalone host (Kestrel, Azurite, SMTP, queue listeners): import the fleet, report a backup,
/// scan, read the digest back from the SMTP server, find the maintenance ticket in the L1 queue and on its asset.
/// </summary>
public sealed class MaintenanceEndToEndTests : IAsyncLifetime
{
    private const string HeartbeatKey = "e2e-heartbeat-key-0123456789abcdefgh";
    private HelpdeskHost _host = null!;

    public async Task InitializeAsync() => _host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
    {
        ["Helpdesk:Inventory:HeartbeatKey"] = HeartbeatKey,
        ["Helpdesk:Maintenance:ItContact"] = "it-contact@client.test",
        ["Helpdesk:Maintenance:ItContactName"] = "Service IT",
        ["Helpdesk:Maintenance:Language"] = "en",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ImportHeartbeatScan_DigestMailed_MaintenanceTicketInL1AndOnTheAsset()
    {
        using var tech = _host.TechnicianClient();
        var csv = "tag;type;name;owner;site;os;osVersion;backupEvery;criticality\r\n" +
                  "PC-010;workstation;Réception;Zoë Peeters;Liège;Windows 10 Pro;22H2;;medium\r\n" +
                  "SRV-010;server;Serveur fichiers;;Liège;Windows Server 2022;;1;critical\r\n" +
                  "SRV-011;server;Serveur AD;;Liège;Windows Server 2022;;1;high\r\n";
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var imported = await tech.PostAsync("/api/assets/import", content);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());

        using var tool = _host.Client();
        tool.DefaultRequestHeaders.Add("x-heartbeat-key", HeartbeatKey);
        (await tool.PostAsync("/api/assets/SRV-011/backup", null)).EnsureSuccessStatusCode();

        // The hourly job of this host runs the very scanner the test calls.
        Assert.Contains(_host.Get<CronJobService>().Jobs, j => j.Name == MaintenanceSchedules.ScanName && j.Schedule == MaintenanceSchedules.Scan);
        var run = await _host.Get<MaintenanceScanner>().RunAsync(default);
        Assert.Equal("succeeded", run.Status);

        var digest = await _host.Smtp.WaitForMessageAsync(m => (m.Subject ?? "").StartsWith("[Maintenance]", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("it-contact@client.test", digest.To.Mailboxes.Single().Address);
        Assert.Equal("[Maintenance] 2 reminders, 2 urgent", digest.Subject);
        Assert.Contains("PC-010 Réception: Windows 10 Pro 22H2 is out of support since 2025-10-14", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("SRV-010 Serveur fichiers: no backup ever reported", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("SRV-011", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>PC-010 R&#233;ception", digest.HtmlBody, StringComparison.Ordinal);

        var queue = await tech.GetFromJsonAsync<JsonElement>("/api/queues/L1?pageSize=200");
        var maintenance = queue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("subject").GetString()!.StartsWith("SRV-010", StringComparison.Ordinal)).ToList();
        var item = Assert.Single(maintenance);
        var number = item.GetProperty("number").GetInt32();
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("maintenance", ticket.GetProperty("channel").GetString());
        Assert.Equal("SRV-010", ticket.GetProperty("assetTag").GetString());
        // A maintenance ticket takes the normal path of a new ticket: its requester (the IT contact) gets the acknowledgment.
        var acknowledgment = await _host.Smtp.WaitForMessageAsync(
            m => (m.Subject ?? "").StartsWith($"[#{number}]", StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == "it-contact@client.test"),
            TimeSpan.FromSeconds(30));
        Assert.Contains("SRV-010", acknowledgment.Subject, StringComparison.Ordinal);

        var asset = await Poll.UntilAsync(
            () => tech.GetFromJsonAsync<JsonElement>("/api/assets/SRV-010"),
            a => a.GetProperty("tickets").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the maintenance ticket on its asset");
        Assert.Equal(number, asset.GetProperty("tickets")[0].GetProperty("number").GetInt32());

        var runs = await tech.GetFromJsonAsync<JsonElement>("/api/maintenance/runs");
        var recorded = runs.GetProperty("runs")[0];
        Assert.Equal(("succeeded", 3, 2, 2, 1), (recorded.GetProperty("status").GetString(), recorded.GetProperty("assetsRead").GetInt32(),
            recorded.GetProperty("newReminders").GetInt32(), recorded.GetProperty("ticketsOpened").GetInt32(), recorded.GetProperty("mailsSent").GetInt32()));
        using var anonymous = _host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/maintenance/runs")).StatusCode);
    }
}
