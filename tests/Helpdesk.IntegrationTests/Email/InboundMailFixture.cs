using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Email;
using MimeKit;

namespace Helpdesk.IntegrationTests.Email;

/// <summary>
/// One standalone host for the inbound mail tests (Azurite, the in-process SMTP server for outgoing mail, its own SMTP
/// listener for incoming mail, a Mailgun signing key, a 1 MiB message limit). Tests use their own addresses, so
/// they never see each other's tickets.
/// </summary>
public sealed class InboundMailFixture : IAsyncLifetime
{
    public const string MailgunKey = "test-mailgun-signing-key-0123456789";
    public const int MaxMessageBytes = 1024 * 1024;

    public HelpdeskHost Host { get; private set; } = null!;
    public int SmtpPort { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await HelpdeskHost.StartAsync(new Dictionary<string, string?>
        {
            ["Helpdesk:Inbound:MailgunSigningKey"] = MailgunKey,
            ["Helpdesk:Inbound:MaxMessageBytes"] = MaxMessageBytes.ToString(CultureInfo.InvariantCulture),
            ["Helpdesk:Inbound:Smtp:Port"] = "0",
        });
        SmtpPort = await Host.Get<SmtpIntake>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static string NewAddress(string who) => $"{who}.{Guid.NewGuid():N}@example.be";

    /// <summary>Posts a raw message with the inbound key; returns the status code.</summary>
    public async Task<System.Net.HttpStatusCode> PostRawAsync(string eml, string? key = HelpdeskHost.InboundKey)
    {
        using var client = Host.Client();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(eml));
        content.Headers.ContentType = new("message/rfc822");
        using var response = await client.PostAsync("/api/inbound/email/raw" + (key is null ? "" : "?code=" + key), content);
        return response.StatusCode;
    }

    /// <summary>The acknowledgment sent to <paramref name="to"/> and the ticket number it names.</summary>
    public async Task<(MimeMessage Ack, int Number)> AckAsync(string to)
    {
        var ack = await Host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == to), TimeSpan.FromSeconds(30));
        return (ack, int.Parse(ack.Headers["X-Helpdesk-Ticket"]!, CultureInfo.InvariantCulture));
    }

    public async Task<JsonElement> TicketAsync(int number, Func<JsonElement, bool> condition, string what)
    {
        using var tech = Host.TechnicianClient();
        JsonElement ticket = default;
        await Poll.UntilAsync(async () => condition(ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")), TimeSpan.FromSeconds(30), what);
        return ticket;
    }

    public static IEnumerable<JsonElement> Timeline(JsonElement ticket, string kind) =>
        ticket.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind);

    /// <summary>Waits until the inbound queue and the ticket events are all processed (approximate counts include invisible messages).</summary>
    public async Task DrainedAsync()
    {
        await Poll.UntilAsync(async () =>
        {
            foreach (var queue in new[] { Core.Email.InboundQueues.Mail, Core.Tickets.TicketQueues.Events })
            {
                if ((await Host.Storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(30), "inbound mail and ticket events processed");
    }

    public static string Mail(string from, string subject, string body, string? messageId = null, params string[] headers) =>
        string.Join("\r\n", new[]
        {
            $"From: {from}", "To: support@helpdesk.test", $"Subject: {subject}", "Date: Mon, 07 Dec 2026 09:00:00 +0100",
            $"Message-ID: <{messageId ?? Guid.NewGuid().ToString("N") + "@example.be"}>", "MIME-Version: 1.0",
        }.Concat(headers).Concat(["Content-Type: text/plain; charset=utf-8", "", body, ""]));
}
