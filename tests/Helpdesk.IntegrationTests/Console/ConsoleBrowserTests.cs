using Deque.AxeCore.Playwright;
using Helpdesk.Core.Console;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>Technicians in real headless Chromium: the console's main path, by mouse and by keyboard, checked by axe-core on every page.</summary>
public class ConsoleBrowserTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private string Url(string path) => new Uri(Host.BaseAddress, path).ToString();

    private async Task<int> UrgentTicketAsync(string subject)
    {
        var valid = new ValidSubmission(new Requester("Marie Dubois", $"marie.{Guid.NewGuid():N}@example.be", null, "fr"), subject,
            "Le serveur de fichiers ne répond plus.", Category.Network, Impact.Organization, CanWork.No, "SRV-01");
        return ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(valid, [], null, new IntakeSource(IntakeChannel.Web, "form"), default)).Ticket.Number;
    }

    private static async Task SignInAsync(IPage page, string baseUrl, string key)
    {
        await page.GotoAsync(baseUrl + "api/console");
        Assert.EndsWith("/api/console/sign-in", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Your sign-in key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>No serious or critical accessibility violation on the page as it is now.</summary>
    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: {string.Join("; ", bad)}");
    }

    [Fact]
    public async Task L1AcknowledgesCommentsAndEscalates_L2Resolves_PhoneTicketAndSearch()
    {
        var (l1, l1Key) = await ConsoleClient.AddAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        var (l2, l2Key) = await ConsoleClient.AddAsync(Host, TechnicianRole.Technician, SupportLevel.L2);
        var number = await UrgentTicketAsync("Serveur de fichiers en panne");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var baseUrl = Host.BaseAddress.ToString();

        // L1: the new urgent ticket is at the top of the L1 queue, with its countdown.
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(baseUrl + "api/console");
        await AssertAccessibleAsync(page);
        await SignInAsync(page, baseUrl, l1Key);
        Assert.StartsWith("Level 1 (", await page.Locator("nav a[aria-current=page]").InnerTextAsync(), StringComparison.Ordinal);
        var first = page.Locator("#queue tbody tr").First;
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), await first.GetAttributeAsync("data-number"));
        var countdown = first.Locator("time.countdown");
        Assert.Matches("^in \\d+ (min|h)", await countdown.InnerTextAsync());
        Assert.NotNull(await countdown.GetAttributeAsync("datetime"));
        await AssertAccessibleAsync(page);

        // Open, acknowledge, comment internally and publicly, escalate.
        await first.GetByRole(AriaRole.Link, new() { Name = "Serveur de fichiers en panne" }).ClickAsync();
        Assert.Contains("Serveur de fichiers en panne", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await page.Locator("#form-acknowledge").GetByRole(AriaRole.Button).ClickAsync();
        Assert.Equal("Action recorded.", await page.Locator(".notice").InnerTextAsync());
        await page.GetByLabel("Text", new() { Exact = true }).First.FillAsync("Checked the switch: fine.");
        await page.Locator("#form-comment").GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("#comment-text").FillAsync("We are on it, thank you for your patience.");
        await page.GetByLabel("Public (the requester sees it)").CheckAsync();
        await page.Locator("#form-comment").GetByRole(AriaRole.Button).ClickAsync();
        // Closing now is refused, with the state machine's reason in words.
        await page.Locator("#form-close").GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains("resolved before it is closed", await page.Locator("#action-error").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#escalate-reason").FillAsync("Needs the storage expert.");
        await page.Locator("#form-escalate").GetByRole(AriaRole.Button).ClickAsync();
        var timeline = page.Locator("#timeline li");
        Assert.Equal("internal", await timeline.Filter(new() { HasText = "Checked the switch" }).GetAttributeAsync("class"));
        Assert.Equal("public", await timeline.Filter(new() { HasText = "We are on it" }).GetAttributeAsync("class"));
        Assert.Contains(l1.Name, await timeline.Filter(new() { HasText = "We are on it" }).InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // Phone ticket: opens acknowledged by the person who took the call.
        await page.GetByRole(AriaRole.Link, new() { Name = "Phone ticket" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Requester's name").FillAsync("Jan Peeters");
        await page.GetByLabel("Requester's email address").FillAsync($"jan.{Guid.NewGuid():N}@example.be");
        await page.GetByLabel("Subject", new() { Exact = true }).FillAsync("Imprimante hors ligne");
        await page.Locator("#description").FillAsync("Appel: l'imprimante du 2e étage est hors ligne.");
        await page.Locator("#category").SelectOptionAsync("printer");
        await page.Locator("#impact-team").CheckAsync();
        await page.Locator("#canWork-partly").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the ticket" }).ClickAsync();
        var phoneNumber = int.Parse((await page.Locator("#ticket").GetAttributeAsync("data-number"))!, System.Globalization.CultureInfo.InvariantCulture);
        var phone = (await Host.Get<TicketStore>().GetAsync(phoneNumber, default))!.Ticket;
        Assert.Equal(("phone", l1.Name, TicketStatus.InProgress), (phone.Channel, phone.SourceReference, phone.Status));

        // Search by subject words.
        await page.GetByLabel("Number, requester, subject words or asset tag").FillAsync("hors ligne");
        await page.GetByLabel("Number, requester, subject words or asset tag").PressAsync("Enter");
        Assert.Equal(phoneNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#queue tbody tr").First.GetAttributeAsync("data-number"));
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await AssertAccessibleAsync(page);

        // L2 finds the escalated ticket in their queue and resolves it.
        var page2 = await (await browser.NewContextAsync()).NewPageAsync();
        await SignInAsync(page2, baseUrl, l2Key);
        Assert.EndsWith("queue=L2", page2.Url, StringComparison.Ordinal);
        await page2.Locator($"#queue tr[data-number=\"{number}\"] a").First.ClickAsync();
        await page2.Locator("#resolve-resolution").FillAsync("Disk replaced, share back online.");
        await page2.Locator("#form-resolve").GetByRole(AriaRole.Button).ClickAsync();
        Assert.Equal("Action recorded.", await page2.Locator(".notice").InnerTextAsync());
        var resolved = (await Host.Get<TicketService>().GetAsync(number, default))!;
        Assert.Equal(TicketStatus.Resolved, resolved.Ticket.Status);
        Assert.Equal(
            [("acknowledged", l1.Name), ("commented", l1.Name), ("commented", l1.Name), ("escalated", l1.Name), ("resolved", l2.Name)],
            resolved.Timeline.Where(e => e.Kind is "acknowledged" or "commented" or "escalated" or "resolved").Select(e => (e.Kind, e.Actor)));
    }

    [Fact]
    public async Task MainPath_IsUsableWithTheKeyboardAlone()
    {
        var (_, key) = await ConsoleClient.AddAsync(Host, TechnicianRole.Technician, SupportLevel.L1);
        var number = await UrgentTicketAsync("Clavier seulement " + Guid.NewGuid().ToString("N")[..6]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/api/console/sign-in"));

        await TabToAsync(page, "#key");
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/api/console\\?queue=L1$"));
        await TabToAsync(page, $"#queue tr[data-number=\"{number}\"] td:first-child a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/api/console/tickets/{number}$"));
        await TabToAsync(page, "#form-acknowledge button");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".notice").WaitForAsync();

        Assert.Equal(TicketStatus.InProgress, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Status);
    }

    [Fact]
    public async Task Admin_TeamAndOperationsPagesAreAccessible_ReplayFromThePage_PhoneFormFillsAKnownRequester()
    {
        var (_, key) = await ConsoleClient.AddAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        var email = $"annie.{Guid.NewGuid():N}@example.be";
        await Host.Get<TicketIntake>().CreateAsync(new ValidSubmission(new Requester("Annie Claes", email, null, "fr"), "Souris cassée",
            "Plus de clic droit.", Category.Hardware, Impact.Individual, CanWork.Partly, null), [], null, new IntakeSource(IntakeChannel.Web, "form"), default);
        var poison = Host.Storage.Queue(Core.Storage.QueueRules.Poison(Core.Sla.SlaQueues.Notifications));
        var sent = (await poison.SendMessageAsync(new Core.Storage.PoisonMessage(Core.Sla.SlaQueues.Notifications, "m-b", DateTimeOffset.UtcNow, 5, false,
            "System.TimeoutException", "Relay down", "{}").ToJson())).Value;
        await Helpdesk.Testing.Poll.UntilAsync(async () => (await Host.Get<KnownRequesters>().ListAsync(default)).Any(r => r.Email == email),
            TimeSpan.FromSeconds(20), "the known requester");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, Host.BaseAddress.ToString(), key);

        await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Operations" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.Locator($"tr[data-id=\"{sent.MessageId}\"] button").ClickAsync();
        Assert.Equal("Message put back on its queue.", await page.Locator(".notice").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Phone ticket" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#email").PressAsync("Tab");
        Assert.Equal("Annie Claes", await page.Locator("#name").InputValueAsync());
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 150 presses).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was never reached with Tab.");
    }
}
