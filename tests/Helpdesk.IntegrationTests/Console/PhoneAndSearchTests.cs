using System.Net;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;
using Helpdesk.Testing;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>The phone form offers known requesters; search finds resolved and closed tickets too, with their state.</summary>
public class PhoneAndSearchTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task PhoneForm_OffersKnownRequesters_Escaped_AndATypedNewOneStillWorks()
    {
        var email = $"known.{Guid.NewGuid():N}@example.be";
        var valid = Submissions.Valid(email: email) with { Requester = new Requester("Jef <b>Peeters</b>", email, null, "fr") };
        await Host.Get<TicketIntake>().CreateAsync(valid, [], null, Submissions.Api, default);
        var (client, person, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;

        // Kept from the ticket's "created" event, off the intake path.
        var html = await Poll.UntilAsync(() => client.Http.GetStringAsync("/api/console/phone"), h => h.Contains(email, StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the requester offered on the phone form");
        Assert.Contains("list=\"known-requesters\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{email}\" label=\"Jef &lt;b&gt;Peeters&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Peeters", html, StringComparison.Ordinal);

        var token = await client.TokenAsync("/api/console/phone");
        foreach (var (name, address) in new[] { ("Jef Peeters", email), ("Nieuwe Beller", $"new.{Guid.NewGuid():N}@example.be") })
        {
            using var posted = await client.PostFormAsync("/api/console/phone", token, new Dictionary<string, string>
            {
                ["name"] = name, ["email"] = address, ["subject"] = "Geen netwerk", ["description"] = "Belt vanuit de vergaderzaal.",
                ["category"] = "network", ["impact"] = "team", ["canWork"] = "no",
            });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var number = int.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
            var ticket = (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket;
            Assert.Equal((address, "phone", person.Name), (ticket.Requester.Email, ticket.Channel, ticket.SourceReference));
        }
    }

    [Fact]
    public async Task Search_FindsResolvedAndClosedTickets_ByRequesterSubjectWordsAndAssetTag_WithTheirState()
    {
        var word = "zz" + Guid.NewGuid().ToString("N")[..6];
        var tag = "PC-" + word[2..].ToUpperInvariant();
        async Task<int> CreateAsync(string subject) => ((IntakeResult.Created)await Host.Get<TicketIntake>()
            .CreateAsync(Submissions.Valid(subject: subject) with { AssetTag = tag }, [], null, Submissions.Api, default)).Ticket.Number;
        var resolved = await CreateAsync($"Scanner {word} offline");
        var closed = await CreateAsync($"Toner {word} empty");
        var open = await CreateAsync($"Screen {word} flickers");
        var service = Host.Get<TicketService>();
        await service.ApplyAsync(resolved, new Resolve("tests", "Driver reinstalled"), default);
        await service.ApplyAsync(closed, new Resolve("tests", "Toner replaced"), default);
        await service.ApplyAsync(closed, new Close("tests"), default);
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;

        var html = await Poll.UntilAsync(() => client.Http.GetStringAsync("/api/console?q=" + word),
            h => h.Contains($"data-number=\"{closed}\"", StringComparison.Ordinal) && h.Contains($"data-number=\"{resolved}\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "resolved and closed tickets in the search");
        Assert.Contains($"data-number=\"{open}\"", html, StringComparison.Ordinal);
        Assert.Matches($"data-number=\"{resolved}\".*?<td>resolved</td>", html);
        Assert.Matches($"data-number=\"{closed}\".*?<td>closed</td>", html);
        foreach (var query in new[] { "toner " + word, tag, "Marie " + word })
        {
            Assert.Contains($"data-number=\"{closed}\"", await client.Http.GetStringAsync("/api/console?q=" + Uri.EscapeDataString(query)), StringComparison.Ordinal);
        }

        var onlyResolved = await client.Http.GetStringAsync("/api/console?q=" + Uri.EscapeDataString("scanner " + word));
        Assert.Contains($"data-number=\"{resolved}\"", onlyResolved, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-number=\"{closed}\"", onlyResolved, StringComparison.Ordinal);

        // Reopened: back in the queues, listed once, as open.
        await service.ApplyAsync(resolved, new Reopen("tests", "Still offline"), default);
        var after = await Poll.UntilAsync(() => client.Http.GetStringAsync("/api/console?q=" + Uri.EscapeDataString("scanner " + word)),
            h => !h.Contains("<td>resolved</td>", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the reopened ticket no longer shown resolved");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(after, $"data-number=\"{resolved}\""));
    }

    [Fact]
    public async Task TicketPage_ShowsTheRequestersRatingAndComment_Escaped_OnlyWhenRated()
    {
        var rated = ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket.Number;
        var unrated = ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket.Number;
        await Host.Get<Core.Conversation.SatisfactionStore>().SaveAsync(
            new Core.Conversation.SatisfactionRating(rated, 4, "Rapide <script>alert(1)</script>", DateTimeOffset.UtcNow), default);
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _c = client;

        var html = await client.Http.GetStringAsync($"/api/console/tickets/{rated}");

        Assert.Contains("id=\"rating\"", html, StringComparison.Ordinal);
        Assert.Contains("<dd>4 out of 5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Rapide &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rating\"", await client.Http.GetStringAsync($"/api/console/tickets/{unrated}"), StringComparison.Ordinal);
    }
}
