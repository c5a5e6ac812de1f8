using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>A browser-like HTTP client of the console: keeps cookies, does not follow redirects, reads the anti-forgery field of a page.</summary>
internal sealed partial class ConsoleClient : IDisposable
{
    private ConsoleClient(HelpdeskHost host)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public static ConsoleClient Anonymous(HelpdeskHost host) => new(host);

    /// <summary>A person added to the roster and signed in through the sign-in form.</summary>
    public static async Task<(ConsoleClient Client, Technician Person, string Key)> SignedInAsync(HelpdeskHost host, TechnicianRole role = TechnicianRole.Technician,
        params SupportLevel[] levels)
    {
        var (person, key) = await AddAsync(host, role, levels);
        var client = new ConsoleClient(host);
        using var response = await client.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, person, key);
    }

    public static async Task<(Technician Person, string Key)> AddAsync(HelpdeskHost host, TechnicianRole role = TechnicianRole.Technician, params SupportLevel[] levels)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var added = await host.Get<Roster>().AddAsync($"Tech {id}", $"tech.{id}@example.be", levels.Length == 0 ? [SupportLevel.L1] : levels, "en", role, default);
        return added!.Value;
    }

    public async Task<HttpResponseMessage> SignInAsync(string key)
    {
        var token = await TokenAsync("/api/console/sign-in");
        return await Http.PostAsync("/api/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = token, ["key"] = key }));
    }

    /// <summary>The anti-forgery token of a page this client is allowed to see.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        return TokenField().Match(html).Groups[1].Value;
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, string? token, IDictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (token is not null)
        {
            all["csrf"] = token;
        }

        return Http.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
