using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using static Helpdesk.IntegrationTests.Conversation.ConversationSteps;

namespace Helpdesk.IntegrationTests.Conversation;

/// <summary>The status page over HTTP on the standalone host: who gets in, what a post does, what technicians see.</summary>
public partial class StatusPageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task ExpiredForgedOrMovedLinks_GetTheSame403Page_WithNothingAboutTheTicket()
    {
        var email = NewEmail("secret");
        var number = await CreateAsync(Host, email, lang: "en", subject: "Salary spreadsheet");
        var links = Host.Get<StatusLinks>();
        var good = links.Token(number, email, DateTimeOffset.UtcNow);
        var parts = good.Split('-');
        var flipped = parts[2][..^1] + (parts[2][^1] == '0' ? '1' : '0');
        var candidates = new[]
        {
            links.TokenUntil(number, email, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()), // expired
            $"{parts[0]}-{parts[1]}-{flipped}",                                                           // tampered signature
            $"{parts[0]}-{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86400}-{parts[2]}", // stretched expiry
            links.Token(number, "someone.else@example.be", DateTimeOffset.UtcNow),                       // another requester
            $"{number + 100000}-{parts[1]}-{parts[2]}",                                                    // another ticket
            "not-a-token",
        };
        using var client = NoRedirectClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        foreach (var token in candidates)
        {
            using var response = await client.GetAsync($"/api/status/{token}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Salary", html, StringComparison.Ordinal);
            Assert.DoesNotContain("#" + number, html, StringComparison.Ordinal);
        }

        using var ok = await client.GetAsync($"/api/status/{good}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Salary spreadsheet", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyOnAWaitingTicket_IsAPublicCommentTheTechnicianSees_AndTheClockResumes()
    {
        var email = NewEmail("answer");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "wait", new { actor = "alice", on = "requester", question = "Which room?" });
        var path = StatusPath(await MailAsync(Host, email, "question-"));
        using var client = NoRedirectClient();

        var page = await client.GetStringAsync(path);
        Assert.Contains("Waiting for your answer", page, StringComparison.Ordinal);
        Assert.Contains("Which room?", page, StringComparison.Ordinal);
        using var posted = await PostAsync(client, path, page, new() { ["action"] = "reply", ["text"] = "Room 2.14, second floor." });

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith("&done=reply", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("in-progress", ticket.GetProperty("status").GetString());
        var reply = ticket.GetProperty("timeline").EnumerateArray().Single(l => l.GetProperty("text").GetString() == "Room 2.14, second floor.");
        Assert.Equal("public", reply.GetProperty("visibility").GetString());
        Assert.Equal(email, reply.GetProperty("actor").GetString());
        var after = await client.GetStringAsync(path + "?done=reply");
        Assert.Contains("your message was added", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextStep_FollowsTheLiveSlaClock_PausedWhileWaiting_ThenItsDeadlineAfterTheAnswer()
    {
        var email = NewEmail("next");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "wait", new { actor = "alice", on = "requester", question = "Which printer?" });
        var path = StatusPath(await MailAsync(Host, email, "question-"));
        using var client = NoRedirectClient();
        var page = await client.GetStringAsync(path);
        Assert.Contains("Our deadline is paused until you answer.", page, StringComparison.Ordinal);

        using (await PostAsync(client, path, page, new() { ["action"] = "reply", ["text"] = "The one in the hall." }))
        {
        }

        // The clock hears of the answer through the ticket-events queue; the page then says its deadline.
        var due = await Poll.UntilAsync(
            async () => await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}"),
            t => t.TryGetProperty("sla", out var sla) && sla.GetProperty("resolution").GetProperty("state").GetString() == "running",
            TimeSpan.FromSeconds(30), "the SLA clock running again");
        var deadline = due.GetProperty("sla").GetProperty("resolution").GetProperty("due").GetDateTimeOffset();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var expected = "We aim to solve it " + PromisedTime.Words("en", deadline, DateTimeOffset.UtcNow, zone) + ".";
        var shown = NextStepOf(await client.GetStringAsync(path));
        Assert.Equal(System.Net.WebUtility.HtmlEncode(expected), shown);
    }

    [Fact]
    public async Task PostWithoutTheFormToken_IsRefused_AndChangesNothing()
    {
        var email = NewEmail("csrf");
        var number = await CreateAsync(Host, email, lang: "en");
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        using var client = NoRedirectClient();
        var forged = new[] { "", "1700000000.00112233445566778899aabbccddeeff", Host.Get<StatusLinks>().FormToken("1-2-3", DateTimeOffset.UtcNow) };

        foreach (var token in forged)
        {
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["action"] = "reply", ["text"] = "forged", ["formToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Reload it and try again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var timeline = await Host.Get<TicketStore>().GetTimelineAsync(number, default);
        Assert.DoesNotContain(timeline, l => l.Text == "forged");
    }

    [Fact]
    public async Task StillBroken_Reopens_ThenSolved_Closes_AndASecondRatingReplacesTheFirst_InTheMonthlyReport()
    {
        var email = NewEmail("rate");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "resolve", new { actor = "alice", resolution = "Restarted the service." });
        var path = StatusPath(await MailAsync(Host, email, "resolved-"));
        using var client = NoRedirectClient();

        using (await PostAsync(client, path, await client.GetStringAsync(path), new() { ["action"] = "broken", ["text"] = "Still down." }))
        {
        }

        Assert.Equal(TicketStatus.InProgress, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Status);
        await ActAsync(tech, number, "resolve", new { actor = "alice", resolution = "Replaced the disk." });
        using (await PostAsync(client, path, await client.GetStringAsync(path), new() { ["action"] = "solved" }))
        {
        }

        Assert.Equal(TicketStatus.Closed, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Status);
        var unrated = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.False(unrated.TryGetProperty("satisfaction", out _), "no rating yet: no satisfaction field");
        using var missing = await PostAsync(client, path, await client.GetStringAsync(path), new() { ["action"] = "rate" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose a rating from 1 to 5.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (await PostAsync(client, path, await client.GetStringAsync(path), new() { ["action"] = "rate", ["rating"] = "2" }))
        {
        }

        using var second = await PostAsync(client, path, await client.GetStringAsync(path),
            new() { ["action"] = "rate", ["rating"] = "5", ["comment"] = "Quick and kind." });
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);

        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await tech.GetFromJsonAsync<JsonElement>($"/api/reports/satisfaction?month={month}");
        var mine = report.GetProperty("ratings").EnumerateArray().Where(r => r.GetProperty("number").GetInt32() == number).ToList();
        Assert.Single(mine);
        Assert.Equal(5, mine[0].GetProperty("rating").GetInt32());
        Assert.Equal("Quick and kind.", mine[0].GetProperty("comment").GetString());
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Contains(ticket.GetProperty("timeline").EnumerateArray(), l => l.GetProperty("text").GetString() == "Rated 5/5 by the requester. Quick and kind.");
        var satisfaction = ticket.GetProperty("satisfaction");
        Assert.Equal(5, satisfaction.GetProperty("rating").GetInt32());
        Assert.Equal("Quick and kind.", satisfaction.GetProperty("comment").GetString());
        Assert.Equal(mine[0].GetProperty("at").GetDateTimeOffset(), satisfaction.GetProperty("ratedAt").GetDateTimeOffset());
        Assert.Contains("Your current rating: 5 out of 5.", await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("december")]
    public async Task SatisfactionReport_WithoutAValidMonth_Is400(string month)
    {
        using var tech = Host.TechnicianClient();
        using var response = await tech.GetAsync($"/api/reports/satisfaction?month={month}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("YYYY-MM", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SatisfactionReport_NeedsTheTechnicianKey()
    {
        using var anonymous = Host.Client();
        using var response = await anonymous.GetAsync("/api/reports/satisfaction?month=2026-12");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MarkupInEveryField_StaysTextOnThePage()
    {
        var email = NewEmail("xss");
        const string evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var number = await CreateAsync(Host, email, lang: "en", subject: "Help " + evil);
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "comment", new { actor = "<i>alice</i>", text = "Look " + evil, visibility = "public" });
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        using var client = NoRedirectClient();
        var page = await client.GetStringAsync(path);
        using (await PostAsync(client, path, page, new() { ["action"] = "reply", ["text"] = "Me " + evil }))
        {
        }

        page = await client.GetStringAsync(path);

        Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    // A browser follows the 303 itself; here the answer is what is checked.
    private HttpClient NoRedirectClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields)
    {
        fields["formToken"] = FormToken().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private static string NextStepOf(string page) => NextStep().Match(page).Groups[1].Value;

    [GeneratedRegex("<dd id=\"next\">([^<]*)</dd>")]
    private static partial Regex NextStep();
}
