using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// Ticket events on the standalone host (queue listener, SMTP, durable SLA engine): a failing acknowledgment never keeps
/// the SLA clock from starting, and an address cannot be mailed without limit.
/// </summary>
public class AcknowledgmentEndToEndTests
{
    [Fact]
    public async Task AddressTheMailLibraryRefuses_TicketCreated_FailureRecorded_AndTheP1ClockStillStarts()
    {
        await using var host = await HelpdeskHost.StartAsync();
        // The form refuses such an address with the parser that sends the mail (IntakeEndToEndTests); a ticket can still
        // carry one from elsewhere (a channel with other rules, data from before), so it is created past the form here.
        var submission = Submissions.Valid("a.@example.be", Impact.Organization, CanWork.No);
        var created = await host.Get<TicketIntake>().CreateAsync(submission, [], null, Submissions.Api, default);
        var number = Assert.IsType<IntakeResult.Created>(created).Ticket.Number;
        using var tech = host.TechnicianClient();

        var ticket = await WaitForAsync(tech, number, t => HasKind(t, "email-failed") && t.TryGetProperty("sla", out _),
            "the failed acknowledgment on the timeline and the SLA clock");

        var failed = Timeline(ticket).Single(e => e.GetProperty("kind").GetString() == "email-failed");
        Assert.Equal("Acknowledgment not sent to a.@example.be: the address is not valid.", failed.GetProperty("text").GetString());
        Assert.Equal("internal", failed.GetProperty("visibility").GetString());
        Assert.Equal("P1", ticket.GetProperty("sla").GetProperty("priority").GetString());
        Assert.Empty(host.Smtp.Messages);
    }

    [Fact]
    public async Task RelayDown_TheP1ClockStartsAnyway_AndOnlyTheAcknowledgmentIsRetried_ThenPoisonedByName()
    {
        var closedPort = FreePorts.Reserve(1)[0];
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
        {
            ["Helpdesk:Smtp:Port"] = closedPort.ToString(CultureInfo.InvariantCulture),
            ["Helpdesk:Smtp:Timeout"] = "00:00:02",
        });
        var number = await CreateAsync(host, $"ceo.{Guid.NewGuid():N}@example.be", "organization", "no");
        using var tech = host.TechnicianClient();

        await WaitForAsync(tech, number, t => t.TryGetProperty("sla", out _), "the SLA clock, whatever the mail does");

        // 1 failed fan-out, then the targeted message: 5 attempts 5 s apart, then the poison queue, with the handler's name.
        var poison = host.Storage.Queue(QueueRules.Poison(TicketQueues.Events));
        string? poisoned = null;
        await Poll.UntilAsync(async () =>
        {
            var peeked = (await poison.PeekMessagesAsync(10)).Value;
            // The host keeps the reason in an envelope around the original message (PoisonMessage).
            poisoned = peeked.Select(m => PoisonMessage.TryParse(m.Body.ToString())?.Message)
                .FirstOrDefault(b => b is not null && b.Contains($"\"number\":{number}", StringComparison.Ordinal));
            return poisoned is not null;
        }, TimeSpan.FromSeconds(90), "the acknowledgment's targeted message in the poison queue", TimeSpan.FromSeconds(1));

        var (ticketEvent, handler) = TicketEventMessage.Parse(poisoned!);
        Assert.Equal("acknowledgment", handler);
        Assert.Equal(TicketEventKind.Created, ticketEvent.Kind);
        Assert.Single((await poison.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task OverTheHourlyLimit_TheTicketIsStillCreated_AndItsTimelineSaysWhyNoMailWentOut()
    {
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
        {
            ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = "1",
        });
        var email = $"flood.{Guid.NewGuid():N}@example.be";
        var first = await CreateAsync(host, email);
        var second = await CreateAsync(host, email);
        using var tech = host.TechnicianClient();

        // Both "created" events may be handled at once: whichever acknowledgment takes the hour's one slot is sent, the
        // other is refused. Wait until each ticket has its outcome, then check one of each.
        var outcomes = new[] { "email-sent", "email-rate-limited" };
        var a = await WaitForAsync(tech, first, t => outcomes.Any(k => HasKind(t, k)), "the first ticket's acknowledgment outcome");
        var b = await WaitForAsync(tech, second, t => outcomes.Any(k => HasKind(t, k)), "the second ticket's acknowledgment outcome");
        Assert.True(HasKind(a, "email-sent") ^ HasKind(b, "email-sent"), "exactly one of the two acknowledgments is sent");
        var limited = HasKind(a, "email-rate-limited") ? a : b;

        Assert.Equal("new", limited.GetProperty("status").GetString());
        var line = Timeline(limited).Single(e => e.GetProperty("kind").GetString() == "email-rate-limited");
        Assert.Contains("too many tickets from this address in the last hour", line.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(host.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    private static async Task<int> CreateAsync(HelpdeskHost host, string email, string impact = "individual", string canWork = "yes")
    {
        using var client = host.Client();
        var body = IntakeEndToEndTests.FormFields(email, "Serveur de fichiers en panne");
        body["impact"] = impact;
        body["canWork"] = canWork;
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient tech, int number, Func<JsonElement, bool> condition, string what)
    {
        JsonElement ticket = default;
        await Poll.UntilAsync(async () => condition(ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")),
            TimeSpan.FromSeconds(30), what);
        return ticket;
    }

    private static bool HasKind(JsonElement ticket, string kind) => Timeline(ticket).Any(e => e.GetProperty("kind").GetString() == kind);

    private static JsonElement.ArrayEnumerator Timeline(JsonElement ticket) => ticket.GetProperty("timeline").EnumerateArray();
}
