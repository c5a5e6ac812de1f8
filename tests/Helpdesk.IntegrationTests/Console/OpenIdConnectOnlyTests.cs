using System.Net;
using Helpdesk.Core.Technicians;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>
/// A host where the organisation's sign-in is the only way in (<c>Helpdesk:Technicians:KeySignIn=false</c>), and whose
/// provider does not answer (nothing listens on its port).
/// </summary>
public sealed class OpenIdConnectOnlyTests(KeysOffHostFixture fixture) : IClassFixture<KeysOffHostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private ConsoleClient NewClient()
    {
        var client = ConsoleClient.Anonymous(Host);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    [Fact]
    public async Task KeysOff_ThePageHasNoKeyForm_AndAValidKeyIsRefused()
    {
        var (_, key) = await ConsoleClient.AddAsync(Host);
        using var client = NewClient();

        var html = await client.Http.GetStringAsync("/api/console/sign-in");
        using var refused = await client.SignInAsync(key);

        Assert.Contains("Sign in with Test IdP", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"key\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Sign-in with a key is turned off", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")), c => c.Name == SignedInPeople.SessionCookie);
    }

    [Fact]
    public async Task ProviderDoesNotAnswer_TheSignInPageSaysSo_NotAnError()
    {
        using var client = NewClient();

        using var answer = await client.Http.GetAsync("/api/console/sign-in?with=provider");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("sign-in service does not answer", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Technicians", html, StringComparison.Ordinal);
    }
}
