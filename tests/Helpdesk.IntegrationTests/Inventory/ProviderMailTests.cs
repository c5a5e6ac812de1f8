using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Providers;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Helpdesk.IntegrationTests.Conversation.ConversationSteps;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>"Wait on provider" mails the provider from the directory, once, on the standalone host with a real SMTP server.</summary>
public sealed class ProviderMailTests : IAsyncLifetime
{
    private HelpdeskHost _host = null!;

    public async Task InitializeAsync() => _host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
    {
        ["Helpdesk:Providers:CompanyName"] = "Boulangerie Dupont",
        ["Helpdesk:Providers:Directory:0:Id"] = "proximus",
        ["Helpdesk:Providers:Directory:0:Name"] = "Proximus",
        ["Helpdesk:Providers:Directory:0:Kind"] = "internet",
        ["Helpdesk:Providers:Directory:0:ContractNumber"] = "PRX-2024-118",
        ["Helpdesk:Providers:Directory:0:SupportEmail"] = "support@proximus.test",
        ["Helpdesk:Providers:Directory:0:Categories:0"] = "internet",
        ["Helpdesk:Providers:Directory:1:Id"] = "phone-only",
        ["Helpdesk:Providers:Directory:1:Name"] = "Phone Only",
        ["Helpdesk:Providers:Directory:1:Kind"] = "other",
        ["Helpdesk:Providers:Directory:1:SupportPhone"] = "+32 2 000 00 00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WaitOnADirectoryProvider_MailsItOnce_WithoutInternalComments()
    {
        var email = NewEmail("jan");
        var number = await CreateAsync(_host, email, lang: "en", subject: "No internet at all");
        using var tech = _host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { });
        await ActAsync(tech, number, "comment", new { text = "Router password is on the sticker (internal).", visibility = "internal" });
        await ActAsync(tech, number, "wait", new { on = "provider", provider = "proximus", text = "Line down since 8:00, internal note." });

        var mail = await _host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "support@proximus.test"), TimeSpan.FromSeconds(30));
        Assert.StartsWith($"helpdesk-provider.{number}.", mail.MessageId, StringComparison.Ordinal);
        await Poll.UntilAsync(() => _host.Get<TicketStore>().GetTimelineAsync(number, default),
            t => t.Any(l => l.Data?.GetValueOrDefault("template") == ProviderMail.HandlerName), TimeSpan.FromSeconds(30), "the provider mail on the timeline");
        // The same event delivered again (queue redelivery after the mail went out and was recorded): nothing more.
        var handler = _host.Services.GetServices<ITicketEventHandler>().OfType<ProviderMail>().Single();
        await handler.HandleAsync(await EventOfLineAsync(_host, number, "waiting", TicketEventKind.Waiting), redelivered: true, default);
        var view = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");

        Assert.Contains($"[#{number}]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("No internet at all", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Dupont", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("PRX-2024-118", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Customer: Boulangerie Dupont", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mon écran reste noir depuis ce matin.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("internal", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sticker", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_host.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "support@proximus.test"));
        var timeline = view.GetProperty("timeline").EnumerateArray().ToList();
        var sent = Assert.Single(timeline, l => l.GetProperty("kind").GetString() == "email-sent"
            && l.GetProperty("data").GetProperty("template").GetString() == ProviderMail.HandlerName);
        Assert.Equal("internal", sent.GetProperty("visibility").GetString());
        Assert.Equal("waiting-on-provider", view.GetProperty("status").GetString());
        Assert.Equal("proximus", view.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task WaitOnAProviderWithoutEmail_SaysToCall_AndOnFreeText_MailsNoOne()
    {
        var number = await CreateAsync(_host, NewEmail("piet"), lang: "en");
        var other = await CreateAsync(_host, NewEmail("kees"), lang: "en");
        using var tech = _host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { });
        await ActAsync(tech, other, "acknowledge", new { });
        await ActAsync(tech, number, "wait", new { on = "provider", provider = "Phone Only" });
        await ActAsync(tech, other, "wait", new { on = "provider", provider = "some cable company" });

        var timeline = await Poll.UntilAsync(() => _host.Get<TicketStore>().GetTimelineAsync(number, default),
            t => t.Any(l => l.Kind == "provider-not-mailed"), TimeSpan.FromSeconds(30), "the 'call them' line");
        // The other ticket's event handled directly too (its queue delivery may still be on its way): nothing at all.
        var handler = _host.Services.GetServices<ITicketEventHandler>().OfType<ProviderMail>().Single();
        await handler.HandleAsync(await EventOfLineAsync(_host, other, "waiting", TicketEventKind.Waiting), redelivered: false, default);

        Assert.Contains("+32 2 000 00 00", timeline.Single(l => l.Kind == "provider-not-mailed").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.Get<TicketStore>().GetTimelineAsync(other, default), l => l.Kind is "provider-not-mailed" || l.Data?.GetValueOrDefault("template") == ProviderMail.HandlerName);
        Assert.DoesNotContain(_host.Smtp.Messages, m => (m.MessageId ?? "").StartsWith("helpdesk-provider.", StringComparison.Ordinal));
    }
}
