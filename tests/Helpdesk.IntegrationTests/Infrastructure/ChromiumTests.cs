using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Infrastructure;

public sealed class ChromiumTests
{
    [Fact]
    public async Task FormField_KeepsFrenchText()
    {
        const string html = """
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Formulaire</title></head>
            <body><form><label for="subject">Sujet</label><input id="subject" name="subject"></form></body></html>
            """;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("data:text/html;charset=utf-8," + Uri.EscapeDataString(html));
        await page.GetByLabel("Sujet").FillAsync("Écran noir");

        Assert.Equal("Écran noir", await page.GetByLabel("Sujet").InputValueAsync());
        Assert.Equal("Formulaire", await page.TitleAsync());
    }
}
