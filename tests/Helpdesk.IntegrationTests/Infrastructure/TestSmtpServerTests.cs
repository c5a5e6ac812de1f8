using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Helpdesk.IntegrationTests.Infrastructure;

public sealed class TestSmtpServerTests
{
    [Fact]
    public async Task SentMail_IsReceivedWithEnvelope()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var waiting = smtp.WaitForMessageAsync(m => m.Subject == "[#0042] Écran noir", TimeSpan.FromSeconds(10));

        await SendAsync(smtp, "[#0042] Écran noir", "Bonjour, mon écran reste noir.", bcc: "audit@example.test");

        var message = await waiting;
        Assert.Equal("Bonjour, mon écran reste noir.", message.TextBody?.Trim());
        Assert.Equal("requester@example.test", message.From.Mailboxes.Single().Address);
        var received = Assert.Single(smtp.Received);
        Assert.Contains("audit@example.test", received.RcptTo);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task WaitForMessage_ReturnsMessageReceivedEarlier()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await SendAsync(smtp, "first", "1");
        await SendAsync(smtp, "second", "2");

        var message = await smtp.WaitForMessageAsync(m => m.Subject == "second", TimeSpan.FromSeconds(5));

        Assert.Equal("2", message.TextBody?.Trim());
        Assert.Equal(["first", "second"], smtp.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task WaitForMessage_TimesOutWhenNothingMatches()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await SendAsync(smtp, "other", "x");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => smtp.WaitForMessageAsync(m => m.Subject == "never", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    private static async Task SendAsync(TestSmtpServer smtp, string subject, string body, string? bcc = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Requester", "requester@example.test"));
        message.To.Add(new MailboxAddress("Support", "support@example.test"));
        if (bcc is not null)
        {
            message.Bcc.Add(MailboxAddress.Parse(bcc));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
