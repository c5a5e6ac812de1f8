using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Browser;

/// <summary>
/// One standalone host and one Chromium for a test class: launching Chromium costs seconds, so the class's tests share
/// it, each in its own pages (no shared cookies or state between pages of different tests is relied on).
/// </summary>
public sealed class BrowserHostFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public HelpdeskHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await HelpdeskHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
