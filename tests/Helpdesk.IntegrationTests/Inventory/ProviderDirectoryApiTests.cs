using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Providers;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Console;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>The provider directory in Table Storage, through <c>/api/providers</c> on the standalone host: CRUD with ETags, validation, who may change it, the settings seed.</summary>
public sealed class ProviderDirectoryApiTests : IAsyncLifetime
{
    private static readonly string[] s_badCategories = ["internet", "coffee"];
    private static readonly string[] s_badTags = ["import"];
    private HelpdeskHost _host = null!;

    public async Task InitializeAsync() => _host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
    {
        ["Helpdesk:Providers:Directory:0:Id"] = "seed-isp",
        ["Helpdesk:Providers:Directory:0:Name"] = "Seed ISP",
        ["Helpdesk:Providers:Directory:0:Kind"] = "internet",
        ["Helpdesk:Providers:Directory:0:SupportPhone"] = "+32 800 00 000",
        ["Helpdesk:Providers:Directory:0:Categories:0"] = "internet",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Winbooks(string? phone = "+32 10 23 45 67") => new
    {
        id = "winbooks",
        name = "WinBooks",
        kind = "business-software",
        contractNumber = "WB-2025-77",
        supportPhone = phone,
        supportEmail = "support@winbooks.test",
        hours = "Mon–Fri 8–17",
        responseTime = "4 h",
        categories = new[] { "business-software" },
        assetTags = new[] { "srv-01" },
        assetTypes = new[] { "server" },
        notes = "Quote the customer number 4411.",
    };

    [Fact]
    public async Task CreateReadUpdateDelete_WithETags_AnswersLikeTheAssetsApi()
    {
        using var tech = _host.TechnicianClient();

        using var created = await tech.PostAsJsonAsync("/api/providers", Winbooks());
        var etag = created.Headers.ETag!;
        using var duplicate = await tech.PostAsJsonAsync("/api/providers", Winbooks());
        var read = await tech.GetFromJsonAsync<JsonElement>("/api/providers/winbooks");

        using var noIfMatch = await tech.PutAsJsonAsync("/api/providers/winbooks", Winbooks("+32 10 99 99 99"));
        using var update = new HttpRequestMessage(HttpMethod.Put, "/api/providers/winbooks") { Content = JsonContent.Create(Winbooks("+32 10 99 99 99")) };
        update.Headers.IfMatch.Add(etag);
        using var updated = await tech.SendAsync(update);
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/providers/winbooks") { Content = JsonContent.Create(Winbooks()) };
        stale.Headers.IfMatch.Add(etag);
        using var staleAnswer = await tech.SendAsync(stale);
        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, "/api/providers/winbooks");
        staleDelete.Headers.IfMatch.Add(etag);
        using var staleDeleteAnswer = await tech.SendAsync(staleDelete);
        var forBusinessSoftware = await tech.GetFromJsonAsync<JsonElement>("/api/providers?category=business-software");

        using var deleted = await tech.DeleteAsync("/api/providers/winbooks");
        using var gone = await tech.GetAsync("/api/providers/winbooks");
        using var deletedAgain = await tech.DeleteAsync("/api/providers/winbooks");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("http://helpdesk.test/api/providers/winbooks", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("WB-2025-77", read.GetProperty("contractNumber").GetString());
        Assert.Equal(["SRV-01"], read.GetProperty("assetTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["server"], read.GetProperty("assetTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("+32 10 99 99 99", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportPhone").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDeleteAnswer.StatusCode);
        Assert.Equal(["winbooks"], forBusinessSoftware.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task InvalidProvider_IsRefused_FieldByField_InProductWords()
    {
        using var tech = _host.TechnicianClient();

        using var bad = await tech.PostAsJsonAsync("/api/providers", new
        {
            id = "Bad Id!",
            kind = "toaster",
            supportEmail = "not-an-address",
            supportUrl = "ftp://files",
            categories = s_badCategories,
            assetTags = s_badTags,
            portalPassword = "hunter2",
        });
        using var noWay = await tech.PostAsJsonAsync("/api/providers", new { id = "mute", name = "Mute", kind = "other" });
        using var tooLong = await tech.PostAsJsonAsync("/api/providers", new { id = "long", name = new string('x', 101), kind = "other", supportPhone = "0800" });
        using var empty = await tech.PostAsync("/api/providers", null);
        using var notJson = await tech.PostAsync("/api/providers", new StringContent("id=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var renamed = new HttpRequestMessage(HttpMethod.Put, "/api/providers/seed-isp") { Content = JsonContent.Create(new { id = "other", name = "X", kind = "it", supportPhone = "0800" }) };
        renamed.Headers.IfMatch.Add(new EntityTagHeaderValue("\"x\""));
        using var renamedAnswer = await tech.SendAsync(renamed);

        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not an id", errors.GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("name is required", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'toaster' is not one of it, internet", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not an email address", errors.GetProperty("supportEmail")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("https://", errors.GetProperty("supportUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["'coffee' is not a category"], errors.GetProperty("categories").EnumerateArray().Select(e => e.GetString()![..26]));
        Assert.Contains("not an asset tag", errors.GetProperty("assetTags")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("never stores passwords", errors.GetProperty("portalPassword")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noWay.StatusCode);
        Assert.Contains("way to call", await noWay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("At most 100 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Send the provider as a JSON object", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, renamedAnswer.StatusCode);
        Assert.Contains("cannot change", await renamedAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Technician_Reads_OnlyAnAdminChanges_AnonymousIsRefused()
    {
        using var technician = await PersonApiAsync(_host, TechnicianRole.Technician);
        using var admin = await PersonApiAsync(_host, TechnicianRole.Admin);
        using var anonymous = _host.Client();

        using var read = await technician.GetAsync("/api/providers");
        using var refused = await technician.PostAsJsonAsync("/api/providers", Winbooks());
        using var refusedDelete = await technician.DeleteAsync("/api/providers/seed-isp");
        using var byAdmin = await admin.PostAsJsonAsync("/api/providers", new { id = "admins-isp", name = "Admin's ISP", kind = "internet", supportPhone = "0800 1" });
        using var noOne = await anonymous.PostAsJsonAsync("/api/providers", Winbooks());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only an admin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noOne.StatusCode);
    }

    /// <summary>An API client carrying the console session of a person added to the roster with <paramref name="role"/>.</summary>
    internal static async Task<HttpClient> PersonApiAsync(HelpdeskHost host, TechnicianRole role)
    {
        var (console, _, _) = await ConsoleClient.SignedInAsync(host, role, SupportLevel.L1);
        using (console)
        {
            var session = console.Cookies.GetCookies(new Uri(host.BaseAddress, "/api/console/")).First(c => c.Name == SignedInPeople.SessionCookie).Value;
            var api = host.Client();
            api.DefaultRequestHeaders.Add("Cookie", $"{SignedInPeople.SessionCookie}={session}");
            return api;
        }
    }

    [Fact]
    public async Task SettingsSeed_IsImportedOnce_ADeletedSeedProviderStaysDeleted()
    {
        using var tech = _host.TechnicianClient();
        var before = await tech.GetFromJsonAsync<JsonElement>("/api/providers");
        (await tech.DeleteAsync("/api/providers/seed-isp")).EnsureSuccessStatusCode();

        // A new instance of the app over the same storage (as after a restart) reads the same settings: the seed is not imported again.
        var restarted = new ProviderStore(_host.Get<StorageClients>(), _host.Get<IOptions<ProviderDirectoryOptions>>(), TimeProvider.System,
            NullLogger<ProviderStore>.Instance);
        var after = await restarted.ListAsync(default);

        Assert.Contains(before.GetProperty("providers").EnumerateArray(), p => p.GetProperty("id").GetString() == "seed-isp");
        Assert.DoesNotContain(after, p => p.Provider.Id == "seed-isp");
    }

    [Fact]
    public async Task EmergencyLines_ReuseTheDirectoryForTheirLifetime_AWriteThroughThisInstanceIsSeenAtOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = _host.Get<IOptions<ProviderDirectoryOptions>>();
        ProviderStore Instance() => new(_host.Get<StorageClients>(), options, time, NullLogger<ProviderStore>.Instance);
        var here = Instance();
        var elsewhere = Instance(); // another instance of the app over the same storage
        var lines = new ProviderEmergencyLines(new ProviderDirectory(here), here, options, time);
        Provider Isp(string id, string name) => ProviderReader.FromOptions(new ProviderOptions
        {
            Id = id, Name = name, Kind = "internet", SupportPhone = "+32 2 555 01 01", Categories = { "internet" },
        }, time.GetUtcNow());

        var first = await lines.ForCategoryAsync(Category.Internet, default);
        Assert.NotNull(await elsewhere.CreateAsync(Isp("acme-isp", "Acme ISP"), default)); // sorts before "Seed ISP"
        time.Advance(options.Value.EmergencyLinesCache - TimeSpan.FromSeconds(1));
        var cached = await lines.ForCategoryAsync(Category.Internet, default);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = await lines.ForCategoryAsync(Category.Internet, default);
        Assert.NotNull(await here.CreateAsync(Isp("aaa-isp", "AAA ISP"), default));
        var afterOwnWrite = await lines.ForCategoryAsync(Category.Internet, default);

        Assert.Equal("Seed ISP", first?.Name);
        Assert.Equal("Seed ISP", cached?.Name);
        Assert.Equal("Acme ISP", expired?.Name);
        Assert.Equal("AAA ISP", afterOwnWrite?.Name);
    }
}
