using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Core.Technicians;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>The inventory API over HTTP on the standalone host: create, read, update with ETags, retire, list, heartbeats, links.</summary>
public class InventoryApiTests(InventoryFixture fixture) : IClassFixture<InventoryFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private static object Laptop(string tag, string site = "Namur", string? owner = "Marie Dubois") => new
    {
        tag,
        type = "laptop",
        name = "Portable de Marie",
        owner,
        site,
        manufacturer = "Lenovo",
        model = "ThinkPad T14",
        serialNumber = "PF3ABC12",
        os = "Windows 11",
        osVersion = "23H2",
        purchaseDate = "2024-02-15",
        warrantyEnd = "2027-02-15",
        criticality = "high",
        backupEvery = 1,
        provider = "Dell ProSupport",
        notes = "Écran remplacé en 2025",
        secrets = new[] { new { label = "BIOS", secretName = "pc-bios-admin" } },
    };

    private async Task<HttpResponseMessage> CreateAsync(object asset)
    {
        using var tech = Host.TechnicianClient();
        return await tech.PostAsJsonAsync("/api/assets", asset);
    }

    [Fact]
    public async Task CreateThenGet_ReturnsTheAssetWithItsETagAndLocation()
    {
        var tag = InventoryFixture.NewTag().ToLowerInvariant();

        using var created = await CreateAsync(Laptop(tag));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"http://helpdesk.test/api/assets/{tag.ToUpperInvariant()}", created.Headers.Location?.ToString());
        Assert.NotNull(created.Headers.ETag);

        using var tech = Host.TechnicianClient();
        using var read = await tech.GetAsync($"/api/assets/{tag}");
        var asset = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(tag.ToUpperInvariant(), asset.GetProperty("tag").GetString());
        Assert.Equal("laptop", asset.GetProperty("type").GetString());
        Assert.Equal("2027-02-15", asset.GetProperty("warrantyEnd").GetString());
        Assert.Equal("Écran remplacé en 2025", asset.GetProperty("notes").GetString());
        Assert.Equal("pc-bios-admin", asset.GetProperty("secrets")[0].GetProperty("secretName").GetString());
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task CreateTwice_IsConflict()
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();

        using var again = await CreateAsync(Laptop(tag.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("adminPwd")]
    [InlineData("wifiPassphrase")]
    [InlineData("motDePasse")]
    [InlineData("apiToken")]
    public async Task Create_WithAPasswordLikeField_Is400NamingIt_AndStoresNothing(string field)
    {
        var tag = InventoryFixture.NewTag();
        var body = JsonSerializer.SerializeToNode(Laptop(tag))!.AsObject();
        body[field] = "Sup3rS3cret!";

        using var response = await CreateAsync(body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Key Vault", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rS3cret", problem.GetRawText(), StringComparison.Ordinal);
        using var tech = Host.TechnicianClient();
        Assert.Equal(HttpStatusCode.NotFound, (await tech.GetAsync($"/api/assets/{tag}")).StatusCode);
    }

    [Fact]
    public async Task Create_WithASecretValue_Is400()
    {
        var body = JsonSerializer.SerializeToNode(Laptop(InventoryFixture.NewTag()))!.AsObject();
        body["secrets"] = JsonNode.Parse("""[{"label":"admin","secretName":"pc-admin","value":"hunter2"}]""");

        using var response = await CreateAsync(body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("secrets[0].value", out _));
    }

    [Fact]
    public async Task Create_WithBadValues_ListsEveryFieldInProductWords()
    {
        using var response = await CreateAsync(new { tag = "PC 042/x", type = "toaster", purchaseDate = "31-31-2024", backupEvery = "weekly", unknownThing = "x" });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("unknownThing", out _));
        using var second = await CreateAsync(new { tag = "PC 042/x", type = "toaster", purchaseDate = "31-31-2024", backupEvery = "weekly" });
        errors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("is not a tag", errors.GetProperty("tag")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("workstation, laptop", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is not a date", errors.GetProperty("purchaseDate")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("number of days", errors.GetProperty("backupEvery")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("required", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NeedsTheCurrentETag_412WhenStale_428WhenMissing()
    {
        var tag = InventoryFixture.NewTag();
        using var created = await CreateAsync(Laptop(tag));
        var etag = created.Headers.ETag!.ToString();
        using var tech = Host.TechnicianClient();

        using var missing = await tech.PutAsJsonAsync($"/api/assets/{tag}", Laptop(tag, site: "Liège"));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/assets/{tag}") { Content = JsonContent.Create(Laptop(tag, site: "Liège")) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using var ok = await tech.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.ToString());

        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/assets/{tag}") { Content = JsonContent.Create(Laptop(tag, site: "Mons")) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        using var stale = await tech.SendAsync(second);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var asset = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}");
        Assert.Equal("Liège", asset.GetProperty("site").GetString());
    }

    [Fact]
    public async Task Retire_KeepsTheAsset_AndWritesItsLog()
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();
        using var tech = Host.TechnicianClient();

        using var retired = await tech.PostAsJsonAsync($"/api/assets/{tag}/retire", new { actor = "alice", reason = "Carte mère morte" });
        (await tech.PostAsJsonAsync($"/api/assets/{tag}/log", new { actor = "bob", text = "Disque effacé (DBAN)" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var asset = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}");
        Assert.Equal("retired", asset.GetProperty("status").GetString());
        Assert.Equal(["Retired: Carte mère morte", "Disque effacé (DBAN)"], asset.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("text").GetString()));
        // A machine key says on whose behalf it acts; the key's name is recorded beside it.
        Assert.Equal([$"alice (key {ApiKeyOptions.DefaultKeyName})", $"bob (key {ApiKeyOptions.DefaultKeyName})"],
            asset.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task SignedInPerson_IsRecordedUnderTheirOwnName_AndCannotWriteAsAnother()
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();
        using var api = await ProviderDirectoryApiTests.PersonApiAsync(Host, TechnicianRole.Technician);

        using var forged = await api.PostAsJsonAsync($"/api/assets/{tag}/log", new { actor = "bob", text = "Not me" });
        using var forgedHeader = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{tag}/retire") { Content = JsonContent.Create(new { reason = "Not me either" }) };
        forgedHeader.Headers.Add("X-Helpdesk-Actor", "bob");
        using var forgedHeaderAnswer = await api.SendAsync(forgedHeader);
        using var own = await api.PostAsJsonAsync($"/api/assets/{tag}/log", new { text = "RAM replaced" });
        using var tech = Host.TechnicianClient();
        using var byKey = await tech.PostAsJsonAsync($"/api/assets/{tag}/log", new { text = "Scripted check" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedHeaderAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var asset = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}");
        var log = asset.GetProperty("log").EnumerateArray().Select(l => (l.GetProperty("actor").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Equal(2, log.Count);
        Assert.StartsWith("Tech ", log[0].Item1, StringComparison.Ordinal);
        Assert.Equal("RAM replaced", log[0].Item2);
        Assert.Equal(($"key {ApiKeyOptions.DefaultKeyName}", "Scripted check"), (log[1].Item1, log[1].Item2));
        Assert.Equal("active", asset.GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_FiltersOnTypeSiteOwnerStatusAndWarranty_AndPages()
    {
        var site = "Site-" + Guid.NewGuid().ToString("N")[..8];
        var tags = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var tag = InventoryFixture.NewTag("LT");
            tags.Add(tag);
            var body = JsonSerializer.SerializeToNode(Laptop(tag, site, owner: i % 2 == 0 ? "Jan Peeters" : "Marie Dubois"))!.AsObject();
            body["warrantyEnd"] = $"2027-0{i + 1}-01";
            (await CreateAsync(body)).EnsureSuccessStatusCode();
        }

        var printer = InventoryFixture.NewTag("PR");
        (await CreateAsync(new { tag = printer, type = "printer", name = "Imprimante accueil", site })).EnsureSuccessStatusCode();
        using var tech = Host.TechnicianClient();

        async Task<List<string>> TagsAsync(string query)
        {
            var page = await tech.GetFromJsonAsync<JsonElement>($"/api/assets?site={Uri.EscapeDataString(site.ToUpperInvariant())}&{query}");
            return [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("tag").GetString()!)];
        }

        Assert.Equal([printer], await TagsAsync("type=printer"));
        Assert.Equal(tags.Where((_, i) => i % 2 == 0).Order(), (await TagsAsync("type=laptop&owner=jan%20peeters")).Order());
        Assert.Equal(tags.Take(2).Order(), (await TagsAsync("warrantyBefore=2027-03-01")).Order());
        Assert.Empty(await TagsAsync("status=retired"));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await tech.GetFromJsonAsync<JsonElement>($"/api/assets?site={site}&pageSize=2" + (token is null ? "" : $"&continuationToken={token}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("tag").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(tags.Append(printer).Order(), seen.Order());
        Assert.True(pages >= 3);
    }

    [Theory]
    [InlineData("type=toaster", "type")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("warrantyBefore=tomorrow", "warrantyBefore")]
    [InlineData("continuationToken=%%%", "continuationToken")]
    public async Task List_WithABadFilter_Is400NamingIt(string query, string field)
    {
        using var tech = Host.TechnicianClient();
        using var response = await tech.GetAsync($"/api/assets?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("GET", "/api/assets")]
    [InlineData("POST", "/api/assets")]
    [InlineData("GET", "/api/assets/PC-001")]
    [InlineData("PUT", "/api/assets/PC-001")]
    [InlineData("POST", "/api/assets/import")]
    [InlineData("GET", "/api/assets/export")]
    [InlineData("POST", "/api/assets/PC-001/retire")]
    [InlineData("POST", "/api/assets/PC-001/log")]
    public async Task TechnicianRoutes_WithoutTheKey_Get401(string method, string path)
    {
        using var client = Host.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdefghijklmnop")]
    [InlineData(HelpdeskHost.ApiKey)]
    public async Task Heartbeat_WithoutItsOwnKey_Is401(string? key)
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{tag}/backup");
        if (key is not null)
        {
            request.Headers.Add("x-heartbeat-key", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var tech = Host.TechnicianClient();
        Assert.False((await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}")).TryGetProperty("lastBackupAt", out _));
    }

    [Fact]
    public async Task Heartbeats_RecordBackupAndPatch_NeverMovingBackwards()
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();
        using var client = Host.Client();
        client.DefaultRequestHeaders.Add("x-heartbeat-key", InventoryFixture.HeartbeatKey);

        using var backup = await client.PostAsync($"/api/assets/{tag}/backup", null);
        using var patch = await client.PostAsJsonAsync($"/api/assets/{tag}/patch", new { at = "2026-11-30T22:00:00Z" });
        using var older = await client.PostAsJsonAsync($"/api/assets/{tag}/patch", new { at = "2026-11-01T22:00:00Z" });
        using var unknown = await client.PostAsync("/api/assets/NOPE-404/backup", null);
        using var future = await client.PostAsJsonAsync($"/api/assets/{tag}/patch", new { at = "2099-01-01T00:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, backup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        using var tech = Host.TechnicianClient();
        var asset = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}");
        Assert.True(DateTimeOffset.UtcNow - asset.GetProperty("lastBackupAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture), asset.GetProperty("lastPatchAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TicketNamingAnAsset_AppearsOnTheAsset_AndAnUnknownTagIsKeptAsText()
    {
        var tag = InventoryFixture.NewTag();
        (await CreateAsync(Laptop(tag))).EnsureSuccessStatusCode();
        using var client = Host.Client();
        var body = Helpdesk.IntegrationTests.EndToEnd.IntakeEndToEndTests.FormFields($"marie.{Guid.NewGuid():N}@example.be", "Clavier cassé");
        body["assetTag"] = tag.ToLowerInvariant();
        using var created = await client.PostAsJsonAsync("/api/tickets", body);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        body["assetTag"] = "NOT-IN-INVENTORY";
        using var other = await client.PostAsJsonAsync("/api/tickets", body);
        var otherNumber = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        using var tech = Host.TechnicianClient();

        var asset = await Helpdesk.Testing.Poll.UntilAsync(
            () => tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}"),
            a => a.GetProperty("tickets").GetArrayLength() > 0, TimeSpan.FromSeconds(20), "the ticket linked to the asset");

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var ticket = asset.GetProperty("tickets")[0];
        Assert.Equal(number, ticket.GetProperty("number").GetInt32());
        Assert.Equal($"http://helpdesk.test/api/tickets/{number}", ticket.GetProperty("url").GetString());
        Assert.Contains("Clavier cassé", ticket.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var kept = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{otherNumber}");
        Assert.Equal("NOT-IN-INVENTORY", kept.GetProperty("assetTag").GetString());
    }

    [Fact]
    public async Task Export_IsUtf8WithBom_SemicolonSeparated_AccentsIntact_FormulasDefused()
    {
        var tag = InventoryFixture.NewTag("EX");
        var body = JsonSerializer.SerializeToNode(Laptop(tag))!.AsObject();
        body["notes"] = "=HYPERLINK(\"http://evil\")";
        body["owner"] = "Frédérique Lemaître";
        (await CreateAsync(body)).EnsureSuccessStatusCode();
        using var tech = Host.TechnicianClient();

        using var response = await tech.GetAsync("/api/assets/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("tag;type;name;owner;site;", text, StringComparison.Ordinal);
        var line = text.Split("\r\n").Single(l => l.StartsWith(tag + ";", StringComparison.Ordinal));
        Assert.Contains(";Frédérique Lemaître;", line, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", line, StringComparison.Ordinal);
    }
}
