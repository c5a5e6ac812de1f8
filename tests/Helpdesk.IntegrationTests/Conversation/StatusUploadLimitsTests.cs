using System.Net;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using static Helpdesk.IntegrationTests.Conversation.ConversationSteps;
using static Helpdesk.IntegrationTests.Conversation.StatusUploadTests;

namespace Helpdesk.IntegrationTests.Conversation;

/// <summary>A host with small intake limits, so that each limit of the status page's upload is met with small files.</summary>
public sealed class SmallUploadLimitsFixture : IAsyncLifetime
{
    public HelpdeskHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
    {
        ["Helpdesk:Intake:MaxAttachments"] = "3",
        ["Helpdesk:Intake:MaxAttachmentBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Helpdesk:Intake:MaxRequestBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Helpdesk:Conversation:MaxTicketAttachments"] = "4",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The request form's limits on the status page: each refused post gets the page again with the reason in the
/// requester's language, and leaves nothing stored and nothing on the ticket.
/// </summary>
public sealed class StatusUploadLimitsTests(SmallUploadLimitsFixture fixture) : IClassFixture<SmallUploadLimitsFixture>
{
    private HelpdeskHost Host => fixture.Host;

    public static TheoryData<string, string, int, string> Refusals => new()
    {
        // case, page language, expected status, words on the page
        { "too-many", "fr", 400, "Vous pouvez joindre au maximum 3 fichiers." },
        { "too-big", "en", 413, "is larger than 1 MB." },
        { "too-big", "fr", 413, "dépasse 1 Mo." },
        { "total", "en", 413, "Your files are larger than 2 MB in all" },
        { "wrong-type", "en", 400, "are not accepted." },
        { "disguised", "en", 400, "does not match its type." },
        { "none", "en", 400, "Choose at least one file before sending." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RefusedUpload_ShowsTheReasonInTheRequestersLanguage_AndStoresNothing(string @case, string lang, int status, string words)
    {
        var email = NewEmail("limits");
        var number = await CreateAsync(Host, email, lang: lang);
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        using var client = Host.Client();
        var token = FormTokenOf(await client.GetStringAsync(path));
        var before = await BlobCountAsync(Host);
        var nearlyOneMegabyte = 900 * 1024;
        using var form = @case switch
        {
            "too-many" => Upload(token, Png("a.png"), Png("b.png"), Png("c.png"), Png("d.png")),
            "too-big" => Upload(token, Png("big.png", 1024 * 1024 + 1)),
            "total" => Upload(token, Png("a.png", nearlyOneMegabyte), Png("b.png", nearlyOneMegabyte), Png("c.png", nearlyOneMegabyte)),
            "wrong-type" => Upload(token, ("virus.exe", "application/octet-stream", "MZ\x90\0"u8.ToArray()), Png("ok.png")),
            "disguised" => Upload(token, Text("notes.txt", "<!doctype html><script>alert(1)</script>")),
            _ => Upload(token),
        };

        using var response = await client.PostAsync(path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await BlobCountAsync(Host));
        var ticket = (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket;
        Assert.Empty(ticket.Attachments);
        Assert.DoesNotContain(await Host.Get<TicketStore>().GetTimelineAsync(number, default), l => l.Kind == RequesterAttachments.TimelineKind);
    }

    [Fact]
    public async Task ATicketHoldsAtMostTheConfiguredNumberOfFiles_TheOneTooManyIsRefusedAndDeleted()
    {
        var email = NewEmail("full");
        var number = await CreateAsync(Host, email, lang: "en");
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        var token = FormTokenOf(await client.GetStringAsync(path));
        using (var accepted = await client.PostAsync(path, Upload(token, Png("1.png"), Png("2.png"), Png("3.png"))))
        {
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }

        var before = await BlobCountAsync(Host);
        using var refused = await client.PostAsync(path, Upload(token, Png("4.png", 700), Png("5.png", 800)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("already holds the maximum of 4 files", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await BlobCountAsync(Host));
        Assert.Equal(3, (await Host.Get<TicketStore>().GetAsync(number, default))!.Ticket.Attachments.Count);
    }
}
