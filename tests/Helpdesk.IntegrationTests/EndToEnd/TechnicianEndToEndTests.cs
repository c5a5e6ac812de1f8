using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
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
        // A machine key acts on behalf of the declared name, recorded beside the key's name.
        Assert.Equal(["alice", "alice", "alice", "bob", "bob", "bob", "carol", "jan", "carol", "carol"],
            timeline.Skip(1).Select(e => e.GetProperty("actor").GetString()!.Replace(" (key api)", "", StringComparison.Ordinal)));
        Assert.All(timeline.Skip(1), e => Assert.EndsWith(" (key api)", e.GetProperty("actor").GetString(), StringComparison.Ordinal));
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
        // No 'actor': a key acts under its own name, so only the missing provider is an error.
        Assert.False(problem.GetProperty("errors").TryGetProperty("actor", out _));
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

    [Fact]
    public async Task TwentyConcurrentComments_AreAllKept_WithoutA409_AndAcknowledgeTwiceIsStillRefusedOnce()
    {
        var number = await NewTicketAsync();

        var comments = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var response = await ActAsync(number, "comment", new { actor = $"tech{i}", text = $"Note {i}", visibility = i % 2 == 0 ? "public" : "internal" });
            return response.StatusCode;
        }));
        var acks = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            using var response = await ActAsync(number, "acknowledge", new { actor = $"ack{i}" });
            return response.StatusCode;
        }));
        var commentResults = await Task.WhenAll(comments);
        var ackResults = await Task.WhenAll(acks);

        Assert.All(commentResults, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], ackResults.Order());
        using var tech = Host.TechnicianClient();
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        var commented = ticket.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "commented").ToList();
        Assert.Equal(20, commented.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Note {i}").Order(StringComparer.Ordinal),
            commented.Select(e => e.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(10, commented.Count(e => e.GetProperty("visibility").GetString() == "public"));
        Assert.Equal("in-progress", ticket.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommentOnAClosedTicket_IsStillRefused()
    {
        var number = await NewTicketAsync();
        (await ActAsync(number, "resolve", new { actor = "alice", resolution = "Fixed" })).EnsureSuccessStatusCode();
        (await ActAsync(number, "close", new { actor = "alice" })).EnsureSuccessStatusCode();

        using var response = await ActAsync(number, "comment", new { actor = "alice", text = "Too late" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("reprioritize", """{"actor":"alice","priority":"P1,P2"}""", "priority", "'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("reprioritize", """{"actor":"alice","priority":"p1, p2"}""", "priority", "'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("reprioritize", """{"actor":"alice","priority":1}""", "priority", "'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("reprioritize", """{"actor":"alice","priority":"2"}""", "priority", "'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("reprioritize", """{"actor":"alice","priority":"P5"}""", "priority", "'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("comment", """{"actor":"alice","text":"x","visibility":"public, internal"}""", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("comment", """{"actor":"alice","text":"x","visibility":"public,internal"}""", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("comment", """{"actor":"alice","text":"x","visibility":0}""", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("comment", """{"actor":"alice","text":"x","visibility":"1"}""", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("comment", """{"actor":"alice","text":"x","Visibility":"secret"}""", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("wait", """{"actor":"alice","on":"requester,provider"}""", "on", "The field 'on' must be one of requester, provider.")]
    [InlineData("comment", """{"actor":"alice","text":5}""", "text", "The field 'text' must be a string.")]
    [InlineData("assign", """{"actor":["alice"],"assignee":"bob"}""", "actor", "The field 'actor' must be a string.")]
    public async Task ActionBody_WithAValueThatIsNotExactlyOneOfTheAllowed_Gets400_NamingTheField_NeverADotNetType(
        string action, string json, string field, string message)
    {
        var number = await NewTicketAsync();
        (await ActAsync(number, "acknowledge")).EnsureSuccessStatusCode();
        using var tech = Host.TechnicianClient();

        using var response = await tech.PostAsync($"/api/tickets/{number}/{action}", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Contains(message, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Helpdesk.Core", text, StringComparison.Ordinal);
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal(["created", "acknowledged"], ticket.GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).Where(k => !k!.StartsWith("email-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ActionBody_ThatIsNotJson_Gets400_WithoutTheParsersWords()
    {
        var number = await NewTicketAsync();
        using var tech = Host.TechnicianClient();

        using var response = await tech.PostAsync($"/api/tickets/{number}/comment", new StringContent("""{"actor":"alice",""", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P1")]
    [InlineData("p2")]
    [InlineData("P3")]
    public async Task Reprioritize_AcceptsOnePriority_InAnyCase(string priority)
    {
        var number = await NewTicketAsync("individual", "yes");

        using var response = await ActAsync(number, "reprioritize", new { actor = "alice", priority });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(priority.ToUpperInvariant(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priority").GetString());
    }

    [Theory]
    [InlineData("L1,L2")]
    [InlineData("L1, L2")]
    [InlineData("3")]
    [InlineData("L0")]
    [InlineData("L4")]
    public async Task LevelQueue_OfSomethingThatIsNotExactlyOneLevel_Is404(string level)
    {
        using var tech = Host.TechnicianClient();

        using var response = await tech.GetAsync($"/api/queues/{Uri.EscapeDataString(level)}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("is not a support level", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LevelQueue_InLowerCase_StillWorks()
    {
        using var tech = Host.TechnicianClient();

        var queue = await tech.GetFromJsonAsync<JsonElement>("/api/queues/l2");

        Assert.Equal("L2", queue.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("+{0}")]
    [InlineData("%2B{0}")]
    [InlineData("0{0}")]
    [InlineData("00{0}")]
    public async Task TicketNumber_WithASignOrLeadingZeros_IsNotThatTicket(string format)
    {
        var number = await NewTicketAsync();
        var raw = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, number);
        using var tech = Host.TechnicianClient();

        using var get = await tech.GetAsync($"/api/tickets/{raw}");
        using var act = await tech.PostAsJsonAsync($"/api/tickets/{raw}/comment", new { actor = "alice", text = "Wrong ticket?" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Contains("There is no ticket", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", act.Content.Headers.ContentType!.MediaType);
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.DoesNotContain(ticket.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "commented");
    }

    [Fact]
    public async Task ActionBody_WithBrokenChunkedEncoding_Gets400_Not500()
    {
        var number = await NewTicketAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Host.BaseAddress.Host, Host.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var request =
            $"POST /api/tickets/{number}/comment HTTP/1.1\r\n" +
            $"Host: {Host.BaseAddress.Authority}\r\n" +
            $"x-functions-key: {HelpdeskHost.ApiKey}\r\n" +
            "Content-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\n" +
            "Connection: close\r\n\r\n" +
            "zz\r\n{\"actor\":\"alice\",\"text\":\"hi\"}\r\n0\r\n\r\n";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("The request body could not be read", answer, StringComparison.Ordinal);
    }
}
