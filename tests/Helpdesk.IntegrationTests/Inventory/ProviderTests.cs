using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>Whom to call, on the standalone host: the directory by category, and for a ticket through its asset.</summary>
public sealed class ProviderTests : IAsyncLifetime
{
    private HelpdeskHost _host = null!;

    public async Task InitializeAsync() => _host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
    {
        ["Helpdesk:Providers:Directory:0:Id"] = "proximus",
        ["Helpdesk:Providers:Directory:0:Name"] = "Proximus",
        ["Helpdesk:Providers:Directory:0:Kind"] = "internet",
        ["Helpdesk:Providers:Directory:0:ContractNumber"] = "PRX-2024-118",
        ["Helpdesk:Providers:Directory:0:SupportPhone"] = "+32 800 22 800",
        ["Helpdesk:Providers:Directory:0:Hours"] = "24/7",
        ["Helpdesk:Providers:Directory:0:Categories:0"] = "internet",
        ["Helpdesk:Providers:Directory:1:Id"] = "winbooks",
        ["Helpdesk:Providers:Directory:1:Name"] = "WinBooks",
        ["Helpdesk:Providers:Directory:1:Kind"] = "business-software",
        ["Helpdesk:Providers:Directory:1:SupportEmail"] = "support@winbooks.test",
        ["Helpdesk:Providers:Directory:1:Categories:0"] = "business-software",
        ["Helpdesk:Providers:Directory:2:Id"] = "dell",
        ["Helpdesk:Providers:Directory:2:Name"] = "Dell ProSupport",
        ["Helpdesk:Providers:Directory:2:Kind"] = "hardware",
        ["Helpdesk:Providers:Directory:2:SupportPhone"] = "+32 2 481 92 88",
        ["Helpdesk:Providers:Directory:2:ResponseTime"] = "next business day",
        ["Helpdesk:Providers:Directory:2:Notes"] = "Quote <service tag> & model",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Directory_ByCategory_SaysWhomToCall()
    {
        using var tech = _host.TechnicianClient();

        var all = await tech.GetFromJsonAsync<JsonElement>("/api/providers");
        var internet = await tech.GetFromJsonAsync<JsonElement>("/api/providers?category=internet");
        using var bad = await tech.GetAsync("/api/providers?category=toaster");
        using var anonymous = _host.Client();

        Assert.Equal(3, all.GetProperty("providers").GetArrayLength());
        var proximus = Assert.Single(internet.GetProperty("providers").EnumerateArray());
        Assert.Equal("+32 800 22 800", proximus.GetProperty("supportPhone").GetString());
        Assert.Equal("PRX-2024-118", proximus.GetProperty("contractNumber").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/providers")).StatusCode);
    }

    [Fact]
    public async Task Ticket_OnAnAssetWithAProvider_ListsTheAssetsProviderFirst()
    {
        using var tech = _host.TechnicianClient();
        (await tech.PostAsJsonAsync("/api/assets", new { tag = "PC-777", type = "laptop", name = "Portable", provider = "dell" })).EnsureSuccessStatusCode();
        using var client = _host.Client();
        var body = Helpdesk.IntegrationTests.EndToEnd.IntakeEndToEndTests.FormFields($"jan.{Guid.NewGuid():N}@example.be", "Plus d'internet");
        body["category"] = "internet";
        body["assetTag"] = "pc-777";
        using var created = await client.PostAsJsonAsync("/api/tickets", body);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();

        var answer = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}/providers");
        using var missing = await tech.GetAsync("/api/tickets/999999/providers");

        Assert.Equal("PC-777", answer.GetProperty("assetTag").GetString());
        Assert.Equal(["dell", "proximus"], answer.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TicketView_ShowsItsAssetsDetails_AndWhomToCall_InJsonAndOnTheConsolePage()
    {
        using var tech = _host.TechnicianClient();
        (await tech.PostAsJsonAsync("/api/assets", new
        {
            tag = "PC-778", type = "laptop", name = "Portable compta", manufacturer = "Dell", model = "Latitude 5440",
            os = "Windows 11 Pro", osVersion = "23H2", warrantyEnd = "2027-03-31", site = "Namur", owner = "Jan", provider = "dell",
        })).EnsureSuccessStatusCode();
        using var client = _host.Client();
        var body = Helpdesk.IntegrationTests.EndToEnd.IntakeEndToEndTests.FormFields($"jan.{Guid.NewGuid():N}@example.be", "Plus d'internet");
        body["category"] = "internet";
        body["assetTag"] = "pc-778";
        var number = (await (await client.PostAsJsonAsync("/api/tickets", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        body["assetTag"] = "NOT-IN-INVENTORY";
        var unknown = (await (await client.PostAsJsonAsync("/api/tickets", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();

        var view = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        var unknownView = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{unknown}");
        var (console, _, _) = await Helpdesk.IntegrationTests.Console.ConsoleClient.SignedInAsync(_host);
        string page;
        using (console)
        {
            page = await console.Http.GetStringAsync($"/api/console/tickets/{number}");
        }

        var asset = view.GetProperty("asset");
        Assert.Equal("PC-778", asset.GetProperty("tag").GetString());
        Assert.Equal("laptop", asset.GetProperty("type").GetString());
        Assert.Equal("Latitude 5440", asset.GetProperty("model").GetString());
        Assert.Equal("Windows 11 Pro", asset.GetProperty("os").GetString());
        Assert.Equal("2027-03-31", asset.GetProperty("warrantyEnd").GetString());
        Assert.Equal("Namur", asset.GetProperty("site").GetString());
        Assert.Equal(["dell", "proximus"], view.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("+32 800 22 800", view.GetProperty("providers")[1].GetProperty("supportPhone").GetString());
        Assert.False(unknownView.GetProperty("asset").GetProperty("known").GetBoolean());
        Assert.Equal(["proximus"], unknownView.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Contains("id=\"whom-to-call\"", page, StringComparison.Ordinal);
        Assert.Contains("Latitude 5440", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:+3280022800\">+32 800 22 800</a>", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Quote &lt;service tag&gt; &amp; model", page, StringComparison.Ordinal);
    }
}
