using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Browser;

/// <summary>A requester in real headless Chromium, without any JavaScript of ours: the form must work as plain HTML.</summary>
public class FormBrowserTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task FrenchRequester_FixesAnErrorAndGetsATicketNumber()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-BE" });
        var email = $"marie.{Guid.NewGuid():N}@example.be";

        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/api/form").ToString());
        Assert.Equal("Signaler un problème informatique", await page.Locator("h1").InnerTextAsync());

        // Filled by label, as a person (or a screen reader user) finds the fields.
        await page.GetByLabel("Votre nom").FillAsync("Marie Dubois");
        await page.GetByLabel("Votre adresse e-mail").FillAsync("marie@exemple"); // mistake: no domain suffix
        await page.GetByLabel("Sujet").FillAsync("Écran noir");
        await page.GetByLabel("Description du problème").FillAsync("Mon écran reste noir depuis ce matin, j'ai redémarré.");
        await page.GetByLabel("Catégorie").SelectOptionAsync("hardware");
        await page.GetByLabel("Moi seulement").CheckAsync();
        await page.GetByLabel("Non, je suis bloqué(e)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();

        // The error is summarized, linked, shown beside the field, and nothing typed is lost.
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Contains("Saisissez une adresse e-mail valide", await page.Locator("#email-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Votre adresse e-mail").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Écran noir", await page.GetByLabel("Sujet").InputValueAsync());
        Assert.True(await page.GetByLabel("Non, je suis bloqué(e)").IsCheckedAsync());
        Assert.Equal("hardware", await page.GetByLabel("Catégorie").InputValueAsync());

        await page.GetByLabel("Votre adresse e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();

        var heading = page.Locator("#ticket-number");
        await heading.WaitForAsync();
        var number = int.Parse((await heading.GetAttributeAsync("data-number"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Demande #{number} enregistrée", await heading.InnerTextAsync());

        var ticket = (await fixture.Host.Get<TicketStore>().GetAsync(number, default))!.Ticket;
        Assert.Equal(email, ticket.Requester.Email);
        Assert.Equal("fr", ticket.Requester.Language);
        Assert.Equal(Priority.P3, ticket.Priority);
        var mail = await fixture.Host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == email), TimeSpan.FromSeconds(20));
        Assert.StartsWith($"[#{number}]", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_IsUsableWithTheKeyboardAlone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/api/form?lang=en").ToString());

        // Tab from the top: the language link, then the first field; the honeypot is never reached.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("name", await page.EvaluateAsync<string>("document.activeElement.id"));
        var reached = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.tagName"));
        }

        Assert.DoesNotContain("website", reached);
        Assert.Contains("BUTTON", reached);
    }
}
