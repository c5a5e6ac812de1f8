using System.Globalization;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// The acknowledgment handler over Azurite and real SMTP servers: permanent failures are recorded once and not
/// retried, transient ones throw, and one address gets at most N acknowledgments an hour, counted once per event.
/// </summary>
public class AcknowledgmentMailTests
{
    [Fact]
    public async Task AddressMimeKitRefuses_IsRecordedOnce_AsInternal_AndNothingIsSentOrRetried()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var core = await CoreServices.StartAsync(settings: Smtp(smtp.Port));
        var (ticket, handler) = await NewTicketAsync(core, "a.@example.be");

        await handler.HandleAsync(TicketIntake.CreatedEvent(ticket), redelivered: false, default);
        await handler.HandleAsync(TicketIntake.CreatedEvent(ticket), redelivered: true, default);

        var line = Assert.Single(await MailLinesAsync(core, ticket.Number));
        Assert.Equal("email-failed", line.Kind);
        Assert.Equal("Acknowledgment not sent to a.@example.be: the address is not valid.", line.Text);
        Assert.Equal(Visibility.Internal, line.Visibility);
        Assert.Equal("system", line.Actor);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task MailboxTheServerRefuses_550_IsRecordedAsFailed_NotRetried()
    {
        await using var smtp = await RefusingSmtpServer.StartAsync("ghost@example.be");
        await using var core = await CoreServices.StartAsync(settings: Smtp(smtp.Port));
        var (ticket, handler) = await NewTicketAsync(core, "ghost@example.be");

        await handler.HandleAsync(TicketIntake.CreatedEvent(ticket), redelivered: false, default);

        var line = Assert.Single(await MailLinesAsync(core, ticket.Number));
        Assert.Equal("email-failed", line.Kind);
        Assert.Equal("Acknowledgment not sent to ghost@example.be: the mail server refused the address (550).", line.Text);
        Assert.Equal(0, smtp.Stored);

        // The same server takes other addresses: the classification is about the recipient, not the relay.
        var (other, _) = await NewTicketAsync(core, $"real.{Guid.NewGuid():N}@example.be");
        await handler.HandleAsync(TicketIntake.CreatedEvent(other), redelivered: false, default);
        Assert.Equal("email-sent", Assert.Single(await MailLinesAsync(core, other.Number)).Kind);
        Assert.Equal(1, smtp.Stored);
    }

    [Fact]
    public async Task RelayDown_IsTransient_TheHandlerThrows_AndRecordsNothing()
    {
        var closedPort = FreePorts.Reserve(1)[0];
        await using var core = await CoreServices.StartAsync(settings: Smtp(closedPort));
        var (ticket, handler) = await NewTicketAsync(core, $"jan.{Guid.NewGuid():N}@example.be");

        var ex = await Record.ExceptionAsync(() => handler.HandleAsync(TicketIntake.CreatedEvent(ticket), redelivered: false, default));

        Assert.NotNull(ex);
        Assert.IsNotType<PermanentEmailFailureException>(ex);
        Assert.Empty(await MailLinesAsync(core, ticket.Number));
    }

    [Fact]
    public async Task OverTheHourlyLimit_TheTicketStands_AndItsTimelineSaysWhyNoMailWentOut()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var core = await CoreServices.StartAsync(settings: Smtp(smtp.Port, limit: 2));
        var email = $"flood.{Guid.NewGuid():N}@example.be";
        var tickets = new List<Ticket>();
        for (var i = 0; i < 3; i++)
        {
            var (ticket, handler) = await NewTicketAsync(core, email);
            await handler.HandleAsync(TicketIntake.CreatedEvent(ticket), redelivered: false, default);
            tickets.Add(ticket);
        }

        Assert.Equal("email-sent", Assert.Single(await MailLinesAsync(core, tickets[0].Number)).Kind);
        Assert.Equal("email-sent", Assert.Single(await MailLinesAsync(core, tickets[1].Number)).Kind);
        var limited = Assert.Single(await MailLinesAsync(core, tickets[2].Number));
        Assert.Equal("email-rate-limited", limited.Kind);
        Assert.Equal(Visibility.Internal, limited.Visibility);
        Assert.Equal($"Acknowledgment not sent to {email}: too many tickets from this address in the last hour (at most 2).", limited.Text);
        Assert.NotNull(await core.Get<TicketStore>().GetAsync(tickets[2].Number, default));
        Assert.Equal(2, smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == email)));
    }

    [Fact]
    public async Task Limiter_CountsAnEventOnce_PerAddressAndHour()
    {
        await using var core = await CoreServices.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = "2" });
        var limiter = core.Get<AcknowledgmentLimiter>();
        var at = new DateTimeOffset(2026, 3, 3, 10, 59, 59, TimeSpan.Zero);

        Assert.True(await limiter.TryAcquireAsync("marie@example.be", "1-created", at, default));
        Assert.True(await limiter.TryAcquireAsync("Marie@Example.BE ", "1-created", at, default)); // a redelivery: not counted again
        Assert.True(await limiter.TryAcquireAsync("marie@example.be", "2-created", at, default));
        Assert.False(await limiter.TryAcquireAsync("marie@example.be", "3-created", at, default));
        Assert.True(await limiter.TryAcquireAsync("marie@example.be", "1-created", at, default)); // counted before the limit
        Assert.True(await limiter.TryAcquireAsync("jan@example.be", "4-created", at, default));
        Assert.True(await limiter.TryAcquireAsync("marie@example.be", "5-created", at.AddSeconds(1), default)); // next hour
    }

    [Fact]
    public async Task Limiter_UnderConcurrency_AcrossTwoInstances_NeverLetsMoreThanTheLimitThrough()
    {
        var settings = new Dictionary<string, string?> { ["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = "5" };
        await using var first = await CoreServices.StartAsync(settings: settings);
        settings["Helpdesk:Storage:Prefix"] = first.Get<StorageClients>().TableName("");
        await using var second = await CoreServices.StartAsync(settings: settings);
        var limiters = new[] { first.Get<AcknowledgmentLimiter>(), second.Get<AcknowledgmentLimiter>() };
        var at = DateTimeOffset.UtcNow;

        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => limiters[i % 2].TryAcquireAsync("burst@example.be", $"{1000 + i}-created", at, default))));

        Assert.Equal(5, granted.Count(g => g));
    }

    private static async Task<(Ticket Ticket, AcknowledgmentMail Handler)> NewTicketAsync(CoreServices core, string email)
    {
        var created = await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(email), [], null, Submissions.Api, default);
        var handler = core.Get<IEnumerable<ITicketEventHandler>>().OfType<AcknowledgmentMail>().Single();
        return (Assert.IsType<IntakeResult.Created>(created).Ticket, handler);
    }

    private static async Task<List<TimelineEntry>> MailLinesAsync(CoreServices core, int number) =>
        [.. (await core.Get<TicketStore>().GetTimelineAsync(number, default)).Where(e => e.Kind.StartsWith("email-", StringComparison.Ordinal))];

    private static Dictionary<string, string?> Smtp(int port, int? limit = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Helpdesk:Smtp:Host"] = "127.0.0.1",
            ["Helpdesk:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Helpdesk:Smtp:Security"] = "None",
            ["Helpdesk:Smtp:Timeout"] = "00:00:05",
            ["Helpdesk:SupportAddress"] = "support@helpdesk.test",
        };
        if (limit is not null)
        {
            settings["Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour"] = limit.Value.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
