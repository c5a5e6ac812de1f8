using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>Who may use the console and the technician API, and under which name their actions are recorded.</summary>
public class ConsoleAuthorizationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private async Task<int> NewTicketAsync(string? subject = null, string? assetTag = null)
    {
        var valid = Submissions.Valid(subject: subject) with { AssetTag = assetTag };
        var result = await Host.Get<TicketIntake>().CreateAsync(valid, [], null, Submissions.Api, default);
        return ((IntakeResult.Created)result).Ticket.Number;
    }

    public static TheoryData<string, string> ConsolePages => new()
    {
        { "GET", "/api/console" },
        { "GET", "/api/console?queue=L2" },
        { "GET", "/api/console/tickets/1001" },
        { "GET", "/api/console/phone" },
        { "GET", "/api/console/roster" },
    };

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public async Task AnonymousConsolePage_RedirectsToSignIn_AndShowsNothing(string method, string path)
    {
        using var client = ConsoleClient.Anonymous(Host);

        using var response = await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Back to the page asked for after signing in (the front page is where sign-in leads anyway).
        Assert.Equal(path == "/api/console" ? "/api/console/sign-in" : "/api/console/sign-in?returnUrl=" + Uri.EscapeDataString(path),
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WithoutOpenIdConnect_TheSignInPageIsTheKeyFormAlone_AndTheCallbackIsNoRoute()
    {
        using var client = ConsoleClient.Anonymous(Host);

        var page = await client.Http.GetStringAsync("/api/console/sign-in");
        using var asked = await client.Http.GetAsync("/api/console/sign-in?with=provider");
        using var callback = await client.Http.GetAsync("/api/console/sign-in/callback?code=x&state=y");

        Assert.Contains("name=\"key\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("with=provider", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("name=\"key\"", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
    }

    [Theory]
    [InlineData("/api/console/tickets/1001/acknowledge")]
    [InlineData("/api/console/phone")]
    [InlineData("/api/console/roster")]
    public async Task AnonymousConsolePost_IsRefused_EvenWithAValidAntiForgeryPair(string path)
    {
        using var client = ConsoleClient.Anonymous(Host);
        var token = await client.TokenAsync("/api/console/sign-in");

        using var response = await client.PostFormAsync(path, token, new Dictionary<string, string> { ["op"] = "add", ["name"] = "Mallory" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/tickets/1001")]
    [InlineData("POST", "/api/tickets/1001/acknowledge")]
    [InlineData("GET", "/api/queues/L1")]
    public async Task ApiRoute_RefusesAnonymous_AndAWrongKey(string method, string path)
    {
        using var anonymous = Host.Client();
        using var wrong = Host.Client();
        wrong.DefaultRequestHeaders.Add("x-functions-key", "not-a-key-not-a-key-not-a-key");

        using var a = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var w = await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, w.StatusCode);
    }

    [Fact]
    public async Task ApiKeyOnAConsolePage_IsRefused_TheConsoleIsForPeople()
    {
        using var tech = Host.TechnicianClient();

        using var response = await tech.GetAsync("/api/console");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SignedInPerson_ActsUnderTheirOwnName_AndCannotForgeAnother()
    {
        var number = await NewTicketAsync();
        var (client, person, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;
        var session = client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")).First(c => c.Name == SignedInPeople.SessionCookie).Value;
        using var api = Host.Client();
        api.DefaultRequestHeaders.Add("Cookie", $"{SignedInPeople.SessionCookie}={session}");

        using var forged = await api.PostAsJsonAsync($"/api/tickets/{number}/comment", new { actor = "bob", text = "I am bob" });
        using var forgedHeader = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{number}/comment")
        {
            Content = JsonContent.Create(new { text = "I am bob" }),
            Headers = { { "X-Helpdesk-Actor", "bob" } },
        });
        using var own = await api.PostAsJsonAsync($"/api/tickets/{number}/comment", new { text = "Me" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedHeader.StatusCode);
        own.EnsureSuccessStatusCode();
        var timeline = (await Host.Get<TicketService>().GetAsync(number, default))!.Timeline;
        Assert.Equal(person.Name, Assert.Single(timeline, e => e.Kind == "commented").Actor);
    }

    [Fact]
    public async Task NamedMachineKey_IsAttributedToItsName()
    {
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["Helpdesk:ApiKeys:monitoring"] = "monitoring-key-0123456789abcdef" });
        var number = ((IntakeResult.Created)await host.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket.Number;
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("x-functions-key", "monitoring-key-0123456789abcdef");

        (await client.PostAsJsonAsync($"/api/tickets/{number}/comment", new { text = "Disk 95% full" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/tickets/{number}/comment", new { text = "Paged", actor = "jan" })).EnsureSuccessStatusCode();

        var actors = (await host.Get<TicketService>().GetAsync(number, default))!.Timeline.Where(e => e.Kind == "commented").Select(e => e.Actor);
        Assert.Equal(["key monitoring", "jan (key monitoring)"], actors);
    }

    [Fact]
    public async Task NonAdmin_CannotSeeOrChangeTheRoster()
    {
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;
        var token = await client.TokenAsync("/api/console");

        using var page = await client.Http.GetAsync("/api/console/roster");
        using var add = await client.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "add", ["name"] = "Mallory", ["email"] = "mallory@example.be", ["levels"] = "L3", ["role"] = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Null(await Host.Get<Roster>().FindByEmailAsync("mallory@example.be", default));
    }

    [Fact]
    public async Task Admin_AddsAPerson_WhoseKeyIsShownOnce_AndSignsIn()
    {
        var (admin, _, _) = await ConsoleClient.SignedInAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        using var _a = admin;
        var token = await admin.TokenAsync("/api/console/roster");
        var email = $"new.{Guid.NewGuid():N}@example.be";

        using var add = await admin.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "add", ["name"] = "Nadia", ["email"] = email, ["levels"] = "L2", ["role"] = "technician", ["language"] = "fr" });
        var html = await add.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-key\">([^<]+)<").Groups[1].Value;

        add.EnsureSuccessStatusCode();
        var stored = await Host.Get<Roster>().FindByEmailAsync(email, default);
        Assert.Equal([SupportLevel.L2], stored!.Levels);
        Assert.DoesNotContain(key, await admin.Http.GetStringAsync("/api/console/roster"), StringComparison.Ordinal);
        using var nadia = ConsoleClient.Anonymous(Host);
        using var signIn = await nadia.SignInAsync(key);
        Assert.Equal("/api/console?queue=L2", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FormPost_WithoutOrWithAWrongAntiForgeryToken_IsRefused_AndChangesNothing()
    {
        var number = await NewTicketAsync();
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;
        var token = await client.TokenAsync($"/api/console/tickets/{number}");

        using var none = await client.PostFormAsync($"/api/console/tickets/{number}/acknowledge", null);
        using var wrong = await client.PostFormAsync($"/api/console/tickets/{number}/acknowledge", new string('A', 43));
        using var crossSite = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/console/tickets/{number}/acknowledge")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = token }),
            Headers = { { "Origin", "https://evil.example" } },
        });

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(TicketStatus.New, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Status);

        using var ok = await client.PostFormAsync($"/api/console/tickets/{number}/acknowledge", token);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(TicketStatus.InProgress, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Status);
    }

    [Fact]
    public async Task SignIn_WithAWrongKey_IsRefused_AndIsRateLimited()
    {
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["Helpdesk:Technicians:SignInAttemptsPerMinute"] = "3" });
        var (_, key) = await ConsoleClient.AddAsync(host);
        using var client = ConsoleClient.Anonymous(host);

        using var wrongShape = await client.SignInAsync("nonsense");
        using var wrongSecret = await client.SignInAsync(key[..^4] + "AAAA");
        using var right = await client.SignInAsync(key);
        using var limited = await client.SignInAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongShape.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSite_AndSignOutEndsTheSession()
    {
        var (_, key) = await ConsoleClient.AddAsync(Host);
        using var client = ConsoleClient.Anonymous(Host);

        using var signIn = await client.SignInAsync(key);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignedInPeople.SessionCookie, StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/console")).StatusCode);

        var token = await client.TokenAsync("/api/console");
        var session = client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")).First(c => c.Name == SignedInPeople.SessionCookie).Value;
        using var signOut = await client.PostFormAsync("/api/console/sign-out", token);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var replay = ConsoleClient.Anonymous(Host);
        replay.Cookies.Add(Host.BaseAddress, new Cookie(SignedInPeople.SessionCookie, session, "/api/console"));
        Assert.Equal(HttpStatusCode.Redirect, (await replay.Http.GetAsync("/api/console")).StatusCode);
    }

    [Fact]
    public async Task PlatformPrincipal_OnTheRoster_IsSignedIn_OthersAreRefused_AndTheHeaderIsIgnoredUnlessTrusted()
    {
        await using var trusted = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["Helpdesk:Technicians:TrustPlatformPrincipal"] = "true" });
        var (person, _) = await ConsoleClient.AddAsync(trusted);
        static string Principal(string email) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "name", val = "Someone" }, new { typ = "preferred_username", val = email } },
        })));

        using var onRoster = trusted.Client();
        onRoster.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal(person.Email));
        using var stranger = trusted.Client();
        stranger.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("stranger@example.be"));
        using var forged = Host.Client(); // the class host does not trust the header
        forged.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal(person.Email));

        Assert.Equal(HttpStatusCode.OK, (await onRoster.GetAsync("/api/console")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/console")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/queues/L1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/queues/L1")).StatusCode);

        // Not signed in yet: to Easy Auth's sign-in, and back to the page asked for.
        using var anonymous = ConsoleClient.Anonymous(trusted);
        using var asked = await anonymous.Http.GetAsync("/api/console/tickets/1001");
        using var signIn = await anonymous.Http.GetAsync(asked.Headers.Location!.OriginalString);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fconsole%2Ftickets%2F1001", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ScriptAndHtmlInTicketFields_AreInertOnEveryPage()
    {
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
        var valid = Submissions.Valid(subject: "Subj " + payload) with
        {
            Description = "Desc " + payload,
            Requester = new Requester("Name " + payload, $"x.{Guid.NewGuid():N}@example.be", null, "en"),
        };
        var number = ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(valid, [], null, Submissions.Api, default)).Ticket.Number;
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        using var _c = client;
        var token = await client.TokenAsync($"/api/console/tickets/{number}");
        (await client.PostFormAsync($"/api/console/tickets/{number}/comment", token,
            new Dictionary<string, string> { ["text"] = "Comment " + payload, ["visibility"] = "public" })).Dispose();

        foreach (var page in new[] { "/api/console?queue=L1", $"/api/console/tickets/{number}", "/api/console?q=Subj", "/api/console/roster" })
        {
            var html = await client.Http.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<script"));
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", await client.Http.GetStringAsync($"/api/console/tickets/{number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsByNumberRequesterSubjectWordsAndAssetTag()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..6];
        var number = await NewTicketAsync(subject: $"Printer {word} jammed", assetTag: "PC-" + word[2..].ToUpperInvariant());
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;

        using var byNumber = await client.Http.GetAsync($"/api/console?q=%23{number}");
        Assert.Equal($"/api/console/tickets/{number}", byNumber.Headers.Location!.OriginalString);
        foreach (var query in new[] { word, $"jammed {word}", "PC-" + word[2..], "Marie " + word })
        {
            var html = await client.Http.GetStringAsync("/api/console?q=" + Uri.EscapeDataString(query));
            Assert.Contains($"data-number=\"{number}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"data-number=\"{number}\"", await client.Http.GetStringAsync($"/api/console?q={word}+absent"), StringComparison.Ordinal);
    }
}
