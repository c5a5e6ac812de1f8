using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Helpdesk.Core.Email;
using Helpdesk.Core.Storage;
using Helpdesk.IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace Helpdesk.IntegrationTests.Email;

/// <summary>
/// Mail to the support address on the standalone host, end to end: Azurite, the queue consumer, the acknowledgment
/// through a real SMTP server, replies threaded back, every delivery format, and the loop rules.
/// </summary>
public class InboundEmailEndToEndTests(InboundMailFixture fixture) : IClassFixture<InboundMailFixture>
{
    [Fact]
    public async Task MailIn_TicketAndAcknowledgment_RepliesBySignedAddressAndByInReplyTo_LandOnTheSameTicket()
    {
        var marie = InboundMailFixture.NewAddress("marie");
        var original = $"{Guid.NewGuid():N}@example.be";
        Assert.Equal(HttpStatusCode.Accepted, await fixture.PostRawAsync(InboundMailFixture.Mail($"Marie Dubois <{marie}>", "Imprimante en panne",
            "Bonjour, l'imprimante ne répond plus. Merci", original)));
        var (ack, number) = await fixture.AckAsync(marie);
        var replyTo = ack.ReplyTo.Mailboxes.Single().Address;
        Assert.StartsWith($"support+{number}.", replyTo, StringComparison.Ordinal);
        Assert.Contains($"[#{number}]", ack.Subject, StringComparison.Ordinal);

        // (1) to the signed reply address, no threading headers, no tag in the subject
        await fixture.PostRawAsync(InboundMailFixture.Mail($"Marie Dubois <{marie}>", "Encore moi", "Toujours en panne.").Replace("To: support@helpdesk.test", "To: " + replyTo, StringComparison.Ordinal));
        // (1) In-Reply-To the acknowledgment's signed Message-ID, to the plain support address
        await fixture.PostRawAsync(InboundMailFixture.Mail($"Marie Dubois <{marie}>", "Re: la panne", "Elle refonctionne.", null, $"In-Reply-To: <{ack.MessageId}>"));
        // (2) a colleague answering Marie's original mail: In-Reply-To a Message-ID recorded on the ticket
        var colleague = InboundMailFixture.NewAddress("colleague");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"Luc <{colleague}>", "Re: Imprimante en panne", "Chez moi aussi.", null, $"In-Reply-To: <{original}>", $"References: <{original}>"));

        var ticket = await fixture.TicketAsync(number, t => InboundMailFixture.Timeline(t, "commented").Count() == 3, "three replies as comments");
        Assert.Equal("email", ticket.GetProperty("channel").GetString());
        var comments = InboundMailFixture.Timeline(ticket, "commented").ToList();
        Assert.All(comments, c => Assert.Equal("public", c.GetProperty("visibility").GetString()));
        Assert.Equal(["Chez moi aussi.", "Elle refonctionne.", "Toujours en panne."], comments.Select(c => c.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        await fixture.DrainedAsync();
        Assert.Single(fixture.Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == marie));
        Assert.DoesNotContain(fixture.Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == colleague));
    }

    [Fact]
    public async Task EachWebhookFormat_AndTheSmtpListener_OpenATicket()
    {
        var senders = Enumerable.Range(0, 6).Select(i => InboundMailFixture.NewAddress("format" + i)).ToArray();
        using var client = fixture.Host.Client();

        // SendGrid, parsed mode (headers block + fields) and raw mode (field "email")
        using (var form = new MultipartFormDataContent
        {
            { new StringContent($"Message-ID: <{Guid.NewGuid():N}@example.be>\nFrom: A <{senders[0]}>\nSubject: SendGrid parsed\n"), "headers" },
            { new StringContent($"A <{senders[0]}>"), "from" }, { new StringContent("support@helpdesk.test"), "to" },
            { new StringContent("SendGrid parsed"), "subject" }, { new StringContent("Le texte."), "text" },
        })
        {
            form.Add(new ByteArrayContent("%PDF-1.4 test"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "attachment1", "devis.pdf");
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/inbound/email/sendgrid?code={HelpdeskHost.InboundKey}", form)).StatusCode);
        }

        using (var form = new MultipartFormDataContent { { new StringContent(InboundMailFixture.Mail($"B <{senders[1]}>", "SendGrid raw", "Texte.")), "email" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/inbound/email/sendgrid?code={HelpdeskHost.InboundKey}", form)).StatusCode);
        }

        // Mailgun, body-mime and parsed fields, signed
        Assert.Equal(HttpStatusCode.OK, await PostMailgunAsync(client, new() { ["body-mime"] = InboundMailFixture.Mail($"C <{senders[2]}>", "Mailgun mime", "Texte.") }));
        Assert.Equal(HttpStatusCode.OK, await PostMailgunAsync(client, new()
        {
            ["from"] = $"D <{senders[3]}>", ["recipient"] = "support@helpdesk.test", ["subject"] = "Mailgun parsed", ["body-plain"] = "Texte.",
            ["message-headers"] = $"[[\"Message-Id\", \"<{Guid.NewGuid():N}@example.be>\"], [\"From\", \"D <{senders[3]}>\"]]",
        }));

        // Postmark inbound JSON with a base64 attachment
        var postmark = new
        {
            FromFull = new { Email = senders[4], Name = "E" }, To = "support@helpdesk.test", Subject = "Postmark", TextBody = "Texte.",
            Headers = new[] { new { Name = "Message-ID", Value = $"<{Guid.NewGuid():N}@example.be>" } },
            Attachments = new[] { new { Name = "note.txt", Content = Convert.ToBase64String("bonjour"u8.ToArray()), ContentType = "text/plain", ContentLength = 7 } },
        };
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/email/postmark") { Content = JsonContent.Create(postmark, options: new System.Text.Json.JsonSerializerOptions()) })
        {
            request.Headers.Add("x-functions-key", HelpdeskHost.InboundKey);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        // SMTP listener
        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", fixture.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(InboundMailFixture.Mail($"F <{senders[5]}>", "Par SMTP", "Texte."))));
            await smtp.SendAsync(message, new MailboxAddress("", senders[5]), [new MailboxAddress("", "support@helpdesk.test")]);
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
                smtp.SendAsync(message, new MailboxAddress("", senders[5]), [new MailboxAddress("", "someone@elsewhere.example")]));
            Assert.Equal(SmtpStatusCode.MailboxUnavailable, refused.StatusCode);
            await smtp.DisconnectAsync(true);
        }

        var numbers = new List<int>();
        foreach (var sender in senders)
        {
            numbers.Add((await fixture.AckAsync(sender)).Number);
        }

        Assert.Equal(6, numbers.Distinct().Count());
        var sendgrid = await fixture.TicketAsync(numbers[0], _ => true, "the SendGrid ticket");
        Assert.Equal("devis.pdf", sendgrid.GetProperty("attachments")[0].GetProperty("fileName").GetString());
        var viaPostmark = await fixture.TicketAsync(numbers[4], _ => true, "the Postmark ticket");
        Assert.Equal("note.txt", viaPostmark.GetProperty("attachments")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task SameMailThreeTimes_ByThreeRoutes_OneTicket()
    {
        var sender = InboundMailFixture.NewAddress("thrice");
        var eml = InboundMailFixture.Mail($"T <{sender}>", "Trois fois", "Une seule demande.");
        using var client = fixture.Host.Client();

        await fixture.PostRawAsync(eml);
        await fixture.PostRawAsync(eml);
        Assert.Equal(HttpStatusCode.OK, await PostMailgunAsync(client, new() { ["body-mime"] = eml.Replace("Date: ", "X-Relayed: yes\r\nDate: ", StringComparison.Ordinal) }));

        await fixture.AckAsync(sender);
        await fixture.DrainedAsync();
        Assert.Single(fixture.Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == sender));
    }

    [Fact]
    public async Task ForgedStaleOrReplayedMailgun_Refused401_AndNothingStored()
    {
        using var client = fixture.Host.Client();
        var eml = InboundMailFixture.Mail($"X <{InboundMailFixture.NewAddress("forger")}>", "Forged", "Texte.");
        var blobsBefore = await CountBlobsAsync();

        var forged = Fields(eml, DateTimeOffset.UtcNow, "token-" + Guid.NewGuid().ToString("N"));
        forged["signature"] = new string('0', 64);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostFormAsync(client, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostFormAsync(client, Fields(eml, DateTimeOffset.UtcNow.AddHours(-1), "token-" + Guid.NewGuid().ToString("N"))));
        Assert.Equal(await CountBlobsAsync(), blobsBefore);

        var once = Fields(eml, DateTimeOffset.UtcNow, "token-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, await PostFormAsync(client, once));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostFormAsync(client, once));

        // The other routes want the inbound key, not the technicians' key.
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.PostRawAsync(eml, key: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.PostRawAsync(eml, key: HelpdeskHost.ApiKey));
    }

    [Fact]
    public async Task MessageOverTheLimit_413_AndEmptyBody_400()
    {
        var big = InboundMailFixture.Mail($"B <{InboundMailFixture.NewAddress("big")}>", "Gros", new string('x', InboundMailFixture.MaxMessageBytes));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await fixture.PostRawAsync(big));
        Assert.Equal(HttpStatusCode.BadRequest, await fixture.PostRawAsync(""));
    }

    [Fact]
    public async Task StrangerWithTheTicketTag_GetsANewTicket_NotTheOwnersTicket()
    {
        var owner = InboundMailFixture.NewAddress("owner");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"O <{owner}>", "Mon PC", "Il est lent."));
        var (_, number) = await fixture.AckAsync(owner);

        var stranger = InboundMailFixture.NewAddress("stranger");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"S <{stranger}>", $"Re: [#{number}] Mon PC", "Je m'invite."));
        var (_, other) = await fixture.AckAsync(stranger);

        Assert.NotEqual(number, other);
        var strangers = await fixture.TicketAsync(other, t => InboundMailFixture.Timeline(t, "email-received").Any(), "the received note");
        Assert.Contains($"mentions #{number}", InboundMailFixture.Timeline(strangers, "email-received").Single().GetProperty("text").GetString(), StringComparison.Ordinal);
        var owners = await fixture.TicketAsync(number, _ => true, "the owner's ticket");
        Assert.Empty(InboundMailFixture.Timeline(owners, "commented"));

        // The owner's own reply with the tag threads.
        await fixture.PostRawAsync(InboundMailFixture.Mail($"O <{owner}>", $"Re: [#{number}] Mon PC", "Toujours lent."));
        await fixture.TicketAsync(number, t => InboundMailFixture.Timeline(t, "commented").Any(), "the owner's reply by tag");
    }

    [Fact]
    public async Task OutOfOfficeReplyToTheAcknowledgment_NotedOnTheTicket_NoSecondMail_NoStateChange()
    {
        var away = InboundMailFixture.NewAddress("away");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"A <{away}>", "Wifi", "Le wifi coupe."));
        var (ack, number) = await fixture.AckAsync(away);

        await fixture.PostRawAsync(InboundMailFixture.Mail($"A <{away}>", "Absent du bureau : " + ack.Subject, "Je suis absent jusqu'au 10.", null,
            $"In-Reply-To: <{ack.MessageId}>", "Auto-Submitted: auto-replied"));

        var ticket = await fixture.TicketAsync(number, t => InboundMailFixture.Timeline(t, "email-auto-reply").Any(), "the out-of-office note");
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        Assert.Empty(InboundMailFixture.Timeline(ticket, "commented"));
        await fixture.DrainedAsync();
        Assert.Single(fixture.Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == away));
    }

    [Fact]
    public async Task ListMailAndBounce_NoAutomaticAnswer_BounceRecordedOnItsTicket()
    {
        var list = InboundMailFixture.NewAddress("list");
        var listId = Guid.NewGuid().ToString("N") + "@lists.example";
        await fixture.PostRawAsync(InboundMailFixture.Mail($"L <{list}>", "Digest", "News.", listId, "List-Id: <news.lists.example>", "Precedence: list"));
        var person = InboundMailFixture.NewAddress("bounced");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"P <{person}>", "Souris", "Elle ne marche plus."));
        var (ack, number) = await fixture.AckAsync(person);

        var dsn = string.Join("\r\n", "From: Mail Delivery System <MAILER-DAEMON@mx.example.be>", "To: support@helpdesk.test", "Subject: Undelivered Mail Returned to Sender",
            $"Message-ID: <{Guid.NewGuid():N}@mx.example.be>", "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "", "--b", "Content-Type: text/plain", "", "Could not deliver.", "--b",
            "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.be", "", $"Final-Recipient: rfc822; {person}", "Action: failed", "Status: 5.1.1", "--b",
            "Content-Type: text/rfc822-headers", "", $"Message-ID: <{ack.MessageId}>", $"Subject: {ack.Subject}", "--b--", "");
        await fixture.PostRawAsync(dsn);

        var ticket = await fixture.TicketAsync(number, t => InboundMailFixture.Timeline(t, "email-bounced").Any(), "the bounce on the ticket");
        Assert.Contains("5.1.1", InboundMailFixture.Timeline(ticket, "email-bounced").Single().GetProperty("text").GetString(), StringComparison.Ordinal);
        // The requester's address failed for good: it is on the bounce list, so no requester mail goes to it again.
        Assert.True(await fixture.Host.Get<Helpdesk.Core.Conversation.BouncedAddresses>().IsBouncedAsync(person, default));
        var record = await fixture.Host.Get<MailRecords>().GetAsync(MailRecords.KeyOfMessageId(listId), default);
        Assert.Equal("created", record!.Outcome);
        var listTicket = await fixture.TicketAsync(record.Ticket!.Value, t => InboundMailFixture.Timeline(t, "email-suppressed").Any(), "no acknowledgment for the list");
        Assert.Contains("Precedence: list", InboundMailFixture.Timeline(listTicket, "email-suppressed").Single().GetProperty("text").GetString(), StringComparison.Ordinal);
        await fixture.DrainedAsync();
        Assert.DoesNotContain(fixture.Host.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == list || a.Address.StartsWith("mailer-daemon", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task ReplyToAWaitingTicket_Resumes_ToAResolvedOne_Reopens_ToAClosedOne_OpensALinkedTicket()
    {
        var requester = InboundMailFixture.NewAddress("lifecycle");
        await fixture.PostRawAsync(InboundMailFixture.Mail($"R <{requester}>", "Logiciel", "Il plante."));
        var (ack, number) = await fixture.AckAsync(requester);
        using var tech = fixture.Host.TechnicianClient();
        async Task ActAsync(string action, object body) =>
            Assert.True((await tech.PostAsJsonAsync($"/api/tickets/{number}/{action}", body)).IsSuccessStatusCode, action);
        string Reply(string text) => InboundMailFixture.Mail($"R <{requester}>", "Re: " + ack.Subject, text, null, $"In-Reply-To: <{ack.MessageId}>");

        await ActAsync("acknowledge", new { actor = "tech1" });
        await ActAsync("wait", new { actor = "tech1", on = "requester" });
        await fixture.PostRawAsync(Reply("Voici la version."));
        await fixture.TicketAsync(number, t => t.GetProperty("status").GetString() == "in-progress", "resumed by the reply");

        await ActAsync("resolve", new { actor = "tech1", resolution = "Mis à jour." });
        await fixture.PostRawAsync(Reply("Ça plante encore."));
        await fixture.TicketAsync(number, t => t.GetProperty("status").GetString() == "in-progress", "reopened by the reply");

        await ActAsync("resolve", new { actor = "tech1", resolution = "Réinstallé." });
        await ActAsync("close", new { actor = "tech1" });
        await fixture.PostRawAsync(Reply("Merci, autre souci."));
        var old = await fixture.TicketAsync(number, t => InboundMailFixture.Timeline(t, "email-follow-up").Any(), "the follow-up note on the closed ticket");
        var text = InboundMailFixture.Timeline(old, "email-follow-up").Single().GetProperty("text").GetString()!;
        var followUp = int.Parse(text[(text.IndexOf("follow-up #", StringComparison.Ordinal) + 11)..].Split(' ')[0], CultureInfo.InvariantCulture);
        var linked = await fixture.TicketAsync(followUp, _ => true, "the follow-up ticket");
        Assert.StartsWith($"Follow-up of #{number}", linked.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string eml, DateTimeOffset at, string token)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new()
        {
            ["timestamp"] = timestamp, ["token"] = token, ["signature"] = MailgunSignature.Compute(InboundMailFixture.MailgunKey, timestamp, token), ["body-mime"] = eml,
        };
    }

    private static Task<HttpStatusCode> PostMailgunAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var signed = Fields("", DateTimeOffset.UtcNow, "token-" + Guid.NewGuid().ToString("N"));
        signed.Remove("body-mime");
        foreach (var (k, v) in fields)
        {
            signed[k] = v;
        }

        return PostFormAsync(client, signed);
    }

    private static async Task<HttpStatusCode> PostFormAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        using var response = await client.PostAsync("/api/inbound/email/mailgun", form);
        return response.StatusCode;
    }

    private async Task<int> CountBlobsAsync()
    {
        var count = 0;
        await foreach (var _ in fixture.Host.Storage.Container(InboundMailStore.Container).GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
