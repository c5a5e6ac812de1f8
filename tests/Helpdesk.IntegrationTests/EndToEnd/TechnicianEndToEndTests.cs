using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.EndToEnd;

/// <summary>The technician API over HTTP: key required, every action on the timeline, illegal moves refused with reasons.</summary>
public class TechnicianEndToEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private async Task<int> NewTicketAsync(string impact = "individual", string canWork = "no")
    {
        using var client = Host.Client();
        var body = IntakeEndToEndTests.FormFields($"jan.{Guid.NewGuid():N}@example.be", "VPN weigert");
        body["impact"] = impact;
        body["canWork"] = canWork;
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }

    private async Task<HttpResponseMessage> ActAsync(int number, string action, object? body = null)
    {
        using var tech = Host.TechnicianClient();
        return await tech.PostAsJsonAsync($"/api/tickets/{number}/{action}", body ?? new { actor = "alice" });
    }

    [Theory]
    [InlineData("GET", "/api/tickets/1001")]
    [InlineData("POST", "/api/tickets/1001/acknowledge")]
    [InlineData("GET", "/api/queues/L1")]
    public async Task TechnicianRoutes_WithoutTheKey_Get401(string method, string path)
    {
        using var client = Host.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WrongKey_Gets401()
    {
        using var client = Host.Client();
        client.DefaultRequestHeaders.Add("x-functions-key", "not-the-key-000000000000000");

        using var response = await client.GetAsync("/api/queues/L1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task FullLifecycle_IsRecordedOnTheTimeline_WithWhoAndWhen()
    {
        var number = await NewTicketAsync();

        (await ActAsync(number, "acknowledge", new { actor = "alice" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "comment", new { actor = "alice", text = "Called the user", visibility = "public" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "assign", new { actor = "alice", assignee = "bob" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "wait", new { actor = "bob", on = "provider", provider = "Proximus" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "resume", new { actor = "bob" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "escalate", new { actor = "bob", reason = "Firewall rule needed" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "resolve", new { actor = "carol", resolution = "Rule added" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "reopen", new { actor = "jan", reason = "Fails again" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "resolve", new { actor = "carol", resolution = "Second rule" })).EnsureSuccessStatusCode();
        using var closed = await ActAsync(number, "close", new { actor = "carol" });
        var after = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", after.GetProperty("status").GetString());
        Assert.Equal("L2", after.GetProperty("level").GetString());

        using var tech = Host.TechnicianClient();
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        var timeline = ticket.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() != "email-sent").ToList();
        Assert.Equal(
            ["created", "acknowledged", "commented", "assigned", "waiting", "resumed", "escalated", "resolved", "reopened", "resolved", "closed"],
            timeline.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["alice", "alice", "alice", "bob", "bob", "bob", "carol", "jan", "carol", "carol"],
            timeline.Skip(1).Select(e => e.GetProperty("actor").GetString()));
        Assert.All(timeline, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task IllegalTransition_Gets409WithAReason()
    {
        var number = await NewTicketAsync();

        using var response = await ActAsync(number, "close");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("must be resolved before it is closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFields_Get400PerField()
    {
        var number = await NewTicketAsync();

        using var response = await ActAsync(number, "wait", new { on = "provider" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("actor", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("provider", out _));
    }

    [Fact]
    public async Task UnknownTicketOrAction_Get404()
    {
        using var missing = await ActAsync(999999, "acknowledge");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var number = await NewTicketAsync();
        using var unknown = await ActAsync(number, "teleport");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task LevelQueue_ListsOpenTicketsByDueDate_WithPaging()
    {
        await using var host = await HelpdeskHost.StartAsync();
        async Task<int> Create(string impact, string canWork)
        {
            using var client = host.Client();
            var body = IntakeEndToEndTests.FormFields($"q.{Guid.NewGuid():N}@example.be");
            body["impact"] = impact;
            body["canWork"] = canWork;
            using var r = await client.PostAsJsonAsync("/api/tickets", body);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        }

        var p4 = await Create("individual", "yes");
        var p1 = await Create("organization", "no");
        var p3 = await Create("team", "partly");
        using var tech = host.TechnicianClient();

        var first = await tech.GetFromJsonAsync<JsonElement>("/api/queues/L1?pageSize=2");
        Assert.Equal([p1, p3], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        var token = first.GetProperty("continuationToken").GetString();
        var second = await tech.GetFromJsonAsync<JsonElement>($"/api/queues/L1?pageSize=2&continuationToken={Uri.EscapeDataString(token!)}");
        Assert.Equal([p4], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));

        using var bad = await tech.GetAsync("/api/queues/L7");
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        using var badSize = await tech.GetAsync("/api/queues/L1?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
    }

    [Theory]
    [InlineData("P2")]
    [InlineData("p2")]
    public async Task Reprioritize_ChangesThePriority_AndRecordsIt(string priority)
    {
        var number = await NewTicketAsync("individual", "yes");

        (await ActAsync(number, "acknowledge")).EnsureSuccessStatusCode();
        using var response = await ActAsync(number, "reprioritize", new { actor = "alice", priority, reason = "Director's laptop" });
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("P2", ticket.GetProperty("priority").GetString());
        using var tech = Host.TechnicianClient();
        var view = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "priority-changed");
    }
}
