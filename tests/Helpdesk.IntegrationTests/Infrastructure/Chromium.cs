using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The system Chromium (Debian package <c>chromium</c>) driven by Playwright. Playwright's own browser download needs
/// the internet, so it is never used; the Playwright driver itself ships in the NuGet package.
/// <code>
/// using var playwright = await Playwright.CreateAsync();
/// await using var browser = await Chromium.LaunchAsync(playwright);
/// </code>
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    };

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} not found. Install it with `apt-get install -y chromium` (./scripts/test.sh does it when run as root).");
        }

        return playwright.Chromium.LaunchAsync(LaunchOptions);
    }
}
