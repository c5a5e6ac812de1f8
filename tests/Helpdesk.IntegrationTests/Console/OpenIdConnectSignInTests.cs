using System.Net;
using Helpdesk.Core.Console;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;
using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>
/// OpenID Connect sign-in of the standalone host's console against a real (minimal) provider over HTTP: who gets a
/// session, who does not, and that every broken or forged answer ends on the sign-in page without one.
/// </summary>
public class OpenIdConnectSignInTests(OidcHostFixture fixture) : IClassFixture<OidcHostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private TestOidcProvider Provider => fixture.Provider;

    /// <summary>
    /// What a browser does after clicking "Sign in with …": the console's redirect to the provider, the provider's
    /// redirect back with a code, and the console's answer to that (returned). <paramref name="change"/> may alter the
    /// callback URL (an attacker's tampering).
    /// </summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(ConsoleClient client, string email, string? tweak = null, string? returnUrl = null,
        Func<string, string>? change = null)
    {
        var start = "/api/console/sign-in?with=provider" + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var challenge = await client.Http.GetAsync(start);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(Provider.Issuer + "/authorize?", authorize, StringComparison.Ordinal);

        using var provider = await client.Http.GetAsync(authorize + "&test_email=" + Uri.EscapeDataString(email) + (tweak is null ? "" : "&test_tweak=" + tweak));
        Assert.Equal(HttpStatusCode.Redirect, provider.StatusCode);
        var callback = provider.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(new Uri(Host.BaseAddress, "/api/console/sign-in/callback?").AbsoluteUri, callback, StringComparison.Ordinal);
        return await client.Http.GetAsync(change is null ? callback : change(callback));
    }

    private ConsoleClient NewClient()
    {
        var client = ConsoleClient.Anonymous(Host);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private string? SessionOf(ConsoleClient client) =>
        client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")).FirstOrDefault(c => c.Name == SignedInPeople.SessionCookie)?.Value;

    private async Task<int> NewTicketAsync() =>
        ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket.Number;

    [Fact]
    public async Task SignInPage_OffersTheProviderAboveTheKeyForm()
    {
        using var client = NewClient();

        var html = await client.Http.GetStringAsync("/api/console/sign-in");

        var button = html.IndexOf("Sign in with Test IdP", StringComparison.Ordinal);
        Assert.True(button > 0, html);
        Assert.True(button < html.IndexOf("name=\"key\"", StringComparison.Ordinal));
        Assert.Contains("href=\"/api/console/sign-in?with=provider\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRosterPerson_SignsIn_SeesTheConsoleUnderTheirName_AndActsAsThemselves()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host, TechnicianRole.Technician, SupportLevel.L2);
        var number = await NewTicketAsync();
        using var client = NewClient();
        var issued = Provider.TokensIssued;

        using var signedIn = await SignInThroughProviderAsync(client, person.Email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/api/console?queue=L2", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(issued + 1, Provider.TokensIssued);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SignedInPeople.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(person.Id, (await Host.Get<Sessions>().ResolveAsync(SessionOf(client), default))!.Id);

        var page = await client.Http.GetStringAsync("/api/console?queue=L2");
        Assert.Contains($"Signed in: {person.Name}", page, StringComparison.Ordinal);

        var token = await client.TokenAsync($"/api/console/tickets/{number}");
        using var acted = await client.PostFormAsync($"/api/console/tickets/{number}/comment", token,
            new Dictionary<string, string> { ["text"] = "Looked at it", ["visibility"] = "internal" });
        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
        var timeline = (await Host.Get<TicketService>().GetAsync(number, default))!.Timeline;
        Assert.Equal(person.Name, Assert.Single(timeline, e => e.Kind == "commented").Actor);
    }

    [Fact]
    public async Task TheConsoleAsksForTheCodeFlowWithPkce_AnsweredByQuery_WithLaxProtocolCookies()
    {
        using var client = NewClient();

        using var challenge = await client.Http.GetAsync("/api/console/sign-in?with=provider");

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        Assert.Equal("code", query["response_type"]);
        // No response_mode: query is the code flow's default, so the answer comes back as a GET (never form_post).
        Assert.False(query.ContainsKey("response_mode"));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(TestOidcProvider.ClientId, query["client_id"]);
        Assert.Equal(["openid", "profile", "email"], query["scope"].ToString().Split(' '));
        Assert.Equal(new Uri(Host.BaseAddress, "/api/console/sign-in/callback").AbsoluteUri, query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.DoesNotContain("client_secret", challenge.Headers.Location!.Query, StringComparison.Ordinal);
        var cookies = challenge.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => c.StartsWith(".AspNetCore.", StringComparison.Ordinal)), c =>
        {
            Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/api/console/sign-in/callback", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task NotOnTheRoster_Gets403_AndNoSession()
    {
        using var client = NewClient();

        using var refused = await SignInThroughProviderAsync(client, $"stranger.{Guid.NewGuid():N}@example.be");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("but not on this helpdesk", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionOf(client));
        using var console = await client.Http.GetAsync("/api/console");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task DisabledPerson_IsRefused_AndNoSession()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        Assert.Equal(RosterChangeOutcome.Done, await Host.Get<Roster>().ChangeAsync(person.Id, new RosterEdit(person.Levels, person.Role, person.Language, true), default));
        using var client = NewClient();

        using var refused = await SignInThroughProviderAsync(client, person.Email);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(SessionOf(client));
    }

    [Fact]
    public async Task PreferredUsername_SignsIn_WhenTheTokenHasNoEmail_NoAddressOrAnUnverifiedOneIsRefused()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();
        using var other = NewClient();
        using var third = NewClient();

        using var byUpn = await SignInThroughProviderAsync(client, person.Email, "upn-only");
        using var none = await SignInThroughProviderAsync(other, person.Email, "no-address");
        using var unverified = await SignInThroughProviderAsync(third, person.Email, "unverified-email");

        Assert.Equal(HttpStatusCode.Redirect, byUpn.StatusCode);
        Assert.NotNull(SessionOf(client));
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Null(SessionOf(other));
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.Null(SessionOf(third));
    }

    public static TheoryData<string, string> BrokenAnswers => new()
    {
        { "tampered state", "state" },
        { "no state", "no-state" },
        { "no code", "no-code" },
        { "nothing at all", "empty" },
        { "code replayed", "replay" },
    };

    [Theory]
    [MemberData(nameof(BrokenAnswers))]
    public async Task BrokenOrForgedAnswer_ShowsTheSignInPageWithTheReason_AndNoSession(string what, string how)
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();
        string? seen = null;

        using var answer = await SignInThroughProviderAsync(client, person.Email, change: url =>
        {
            seen = url;
            var uri = new Uri(url);
            var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
            var code = Uri.EscapeDataString(q["code"].ToString());
            var state = q["state"].ToString();
            var path = uri.GetLeftPart(UriPartial.Path);
            return how switch
            {
                // One character of the protected state changed: it no longer decrypts.
                "state" => $"{path}?code={code}&state={Uri.EscapeDataString(state[..^3] + (state[^3] == 'A' ? 'B' : 'A') + state[^2..])}",
                "no-state" => $"{path}?code={code}",
                "no-code" => $"{path}?state={Uri.EscapeDataString(state)}",
                "empty" => path,
                _ => url,
            };
        });
        if (how == "replay")
        {
            // The first use signs in; the same answer again (code used, correlation cookie gone) does not.
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            using var again = NewClient();
            using var replayed = await again.Http.GetAsync(seen);
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
            Assert.Null(SessionOf(again));
            return;
        }

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{what}: {answer.StatusCode}");
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("did not complete", html, StringComparison.Ordinal);
        Assert.Contains("Sign in with Test IdP", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Null(SessionOf(client));
    }

    [Theory]
    [InlineData("wrong-nonce")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-key")]
    [InlineData("wrong-issuer")]
    [InlineData("expired")]
    [InlineData("cancel")]
    public async Task TokenThatFailsValidation_OrCancelledAtTheProvider_IsRefused(string tweak)
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();

        using var answer = await SignInThroughProviderAsync(client, person.Email, tweak);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("did not complete", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionOf(client));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();
        using var signedIn = await SignInThroughProviderAsync(client, person.Email);
        var session = SessionOf(client);
        Assert.NotNull(await Host.Get<Sessions>().ResolveAsync(session, default));

        var token = await client.TokenAsync("/api/console");
        using var signedOut = await client.PostFormAsync("/api/console/sign-out", token);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null(await Host.Get<Sessions>().ResolveAsync(session, default));
        using var console = await client.Http.GetAsync("/api/console");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/api/console/sign-in", console.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedFromTheRoster_TheirSessionStopsAtTheNextRequest()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();
        using var signedIn = await SignInThroughProviderAsync(client, person.Email);
        using var before = await client.Http.GetAsync("/api/console");

        Assert.Equal(RosterChangeOutcome.Done, await Host.Get<Roster>().RemoveAsync(person.Id, default));
        using var after = await client.Http.GetAsync("/api/console");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ReturnUrl_BringsThePersonBackToThePageAskedFor_OnlyWhenItIsAConsolePage()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();
        using var other = NewClient();

        using var asked = await client.Http.GetAsync("/api/console/tickets/1001");
        var signInPage = await client.Http.GetStringAsync(asked.Headers.Location!.OriginalString);
        using var back = await SignInThroughProviderAsync(client, person.Email, returnUrl: "/api/console/tickets/1001");
        using var elsewhere = await SignInThroughProviderAsync(other, person.Email, returnUrl: "//evil.example/api/console");

        Assert.Contains("href=\"/api/console/sign-in?with=provider&amp;returnUrl=%2Fapi%2Fconsole%2Ftickets%2F1001\"", signInPage, StringComparison.Ordinal);
        Assert.Equal("/api/console/tickets/1001", back.Headers.Location!.OriginalString);
        Assert.Equal("/api/console?queue=L1", elsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Browser_ClicksTheProviderButton_AndLandsOnTheConsole_TheSignInPagePassesAxe()
    {
        var (person, _) = await ConsoleClient.AddAsync(Host);
        Provider.DefaultEmail = person.Email;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { Locale = "en-GB" })).NewPageAsync();

        await page.GotoAsync(new Uri(Host.BaseAddress, "/api/console").ToString());
        Assert.EndsWith("/api/console/sign-in", page.Url, StringComparison.Ordinal);
        await ConsoleBrowserTests.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/api/console?queue=L1", StringComparison.Ordinal));

        Assert.Equal($"Signed in: {person.Name}", await page.Locator("header p").Nth(1).InnerTextAsync());
        Assert.Equal("Level 1", (await page.Locator("nav a[aria-current=page]").InnerTextAsync()).Split(" (")[0]);
    }

    [Theory]
    [InlineData("/api/console/tickets/1001", "/api/console/tickets/1001")]
    [InlineData("/api/console?queue=L2", "/api/console?queue=L2")]
    [InlineData("/api/console", "/api/console")]
    [InlineData("//evil.example", null)]
    [InlineData("/api/console//evil.example", null)]
    [InlineData("/api/console/\\evil.example", null)]
    [InlineData("https://evil.example/api/console", null)]
    [InlineData("/api/consolex", null)]
    [InlineData("/api/console/sign-in?with=provider", null)]
    [InlineData("/api/tickets/1001", null)]
    [InlineData("", null)]
    public void LocalReturnPath_IsAConsolePathOfThisSiteOrNothing(string url, string? expected) =>
        Assert.Equal(expected, ConsoleHandler.LocalReturnPath(url));
}
