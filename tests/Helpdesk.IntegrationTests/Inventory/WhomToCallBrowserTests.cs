using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>
/// The request form and its confirmation say whom to call in an emergency for the category chosen, from the provider
/// directory, in real Chromium; axe finds no serious or critical violation on either page.
/// </summary>
public sealed class WhomToCallBrowserTests : IAsyncLifetime
{
    private HelpdeskHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
        {
            ["Helpdesk:Providers:Directory:0:Id"] = "proximus",
            ["Helpdesk:Providers:Directory:0:Name"] = "Proximus",
            ["Helpdesk:Providers:Directory:0:Kind"] = "internet",
            ["Helpdesk:Providers:Directory:0:SupportPhone"] = "+32 800 22 800",
            ["Helpdesk:Providers:Directory:0:Hours"] = "24/7",
            ["Helpdesk:Providers:Directory:0:Categories:0"] = "internet",
            ["Helpdesk:Providers:Directory:1:Id"] = "it-partner",
            ["Helpdesk:Providers:Directory:1:Name"] = "IT Partner",
            ["Helpdesk:Providers:Directory:1:Kind"] = "it",
            ["Helpdesk:Providers:Directory:1:SupportPhone"] = "+32 2 555 01 01",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Form_ShowsTheChosenCategorysLine_AndTheConfirmationSaysWhomToCall()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-GB" });
        await page.GotoAsync(new Uri(_host.BaseAddress, "/api/form?lang=en").ToString());
        var internet = page.Locator("#emergency li[data-category=internet]");
        var general = page.Locator("#emergency li[data-category='*']");

        var before = await page.Locator("#emergency").InnerTextAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Category").SelectOptionAsync("hardware");
        var internetShownForHardware = await internet.IsVisibleAsync();
        await page.GetByLabel("Category").SelectOptionAsync("internet");
        var internetShownForInternet = await internet.IsVisibleAsync();
        var generalShown = await general.IsVisibleAsync();

        await page.GetByLabel("Your name").FillAsync("Jan Peeters");
        await page.GetByLabel("Your email address").FillAsync($"jan.{Guid.NewGuid():N}@example.be");
        await page.GetByLabel("Subject").FillAsync("No internet at all");
        await page.GetByLabel("Description of the problem").FillAsync("Nothing loads since 8:00, the router's lights are red.");
        await page.GetByLabel("The whole company").CheckAsync();
        await page.GetByLabel("No, I am blocked").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await page.Locator("#ticket-number").WaitForAsync();
        var urgent = await page.Locator("#urgent").InnerTextAsync();
        var tel = await page.Locator("#urgent a").GetAttributeAsync("href");
        await AssertAccessibleAsync(page);

        Assert.Contains("Internet", before, StringComparison.Ordinal);
        Assert.Contains("Proximus on +32 800 22 800 (24/7)", before, StringComparison.Ordinal);
        Assert.Contains("Anything else: IT Partner on +32 2 555 01 01", before, StringComparison.Ordinal);
        Assert.False(internetShownForHardware);
        Assert.True(internetShownForInternet);
        Assert.True(generalShown);
        Assert.Equal("If it cannot wait, call Proximus on +32 800 22 800 (24/7).", urgent);
        Assert.Equal("tel:+3280022800", tel);
    }

    [Fact]
    public async Task Confirmation_ForACategoryNoProviderCovers_NamesTheReferenceItContact()
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new FormUrlEncodedContent(Helpdesk.IntegrationTests.EndToEnd.IntakeEndToEndTests.FormFields($"marie.{Guid.NewGuid():N}@example.be")),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Si cela ne peut pas attendre, appelez IT Partner au", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Proximus", html, StringComparison.Ordinal);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
