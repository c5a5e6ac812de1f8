using System.Net;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Email;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Helpdesk.IntegrationTests.Conversation.ConversationSteps;

namespace Helpdesk.IntegrationTests.Conversation;

/// <summary>
/// Every public step of a ticket on the standalone host mails its requester once, in their language, threaded, with the
/// status link; internal comments and redelivered events mail nothing.
/// </summary>
public class RequesterMailEndToEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task EveryPublicStep_MailsTheRequesterOnce_InTheirLanguage_ThreadedAndLinkingTheStatusPage()
    {
        var email = NewEmail("jane");
        var number = await CreateAsync(Host, email, lang: "en", subject: "Printer jammed");
        using var tech = Host.TechnicianClient();
        var thread = Host.Get<MailThreadAddresses>();
        var ack = await MailAsync(Host, email, "ack");
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Single(ack.Headers, h => h.Field == "Auto-Submitted");
        Assert.Contains("/api/status/", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("attach a file on this page", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://helpdesk.test/api/status/", ack.HtmlBody, StringComparison.Ordinal);

        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "comment", new { actor = "alice", text = "Internal: toner supplier is slow.", visibility = "internal" });
        await ActAsync(tech, number, "comment", new { actor = "alice", text = "I am on my way to the printer.", visibility = "public" });
        var comment = await MailAsync(Host, email, "comment-");
        await ActAsync(tech, number, "wait", new { actor = "alice", on = "requester", question = "Which tray is jammed?" });
        var question = await MailAsync(Host, email, "question-");
        await ActAsync(tech, number, "resume", new { actor = "alice" });
        await ActAsync(tech, number, "reprioritize", new { actor = "alice", priority = "P2" });
        var urgent = await MailAsync(Host, email, "urgent-");
        await ActAsync(tech, number, "resolve", new { actor = "alice", resolution = "Removed a stuck sheet from tray 2." });
        var resolved = await MailAsync(Host, email, "resolved-");
        await ActAsync(tech, number, "reopen", new { actor = "alice", reason = "Jammed again." });
        var reopened = await MailAsync(Host, email, "reopened-");
        await ActAsync(tech, number, "resolve", new { actor = "alice", resolution = "Replaced the roller." });
        var resolvedAgain = await MailAsync(Host, email, "resolved-", skip: resolved);
        await ActAsync(tech, number, "close", new { actor = "alice" });
        var closed = await MailAsync(Host, email, "closed-");

        var steps = new[] { ack, comment, question, urgent, resolved, reopened, resolvedAgain, closed };
        Assert.Equal("[#" + number + "] New message: Printer jammed", comment.Subject);
        Assert.Contains("alice wrote about your request #" + number, comment.TextBody, StringComparison.Ordinal);
        Assert.Contains("> I am on my way to the printer.", comment.TextBody, StringComparison.Ordinal);
        Assert.Contains("Which tray is jammed?", question.TextBody, StringComparison.Ordinal);
        Assert.Contains("Follow your request, reply or attach a file: http://helpdesk.test/api/status/", question.TextBody, StringComparison.Ordinal);
        Assert.Contains("(reply, attach a file)</a>", question.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("[#" + number + "] Treated as urgent", urgent.Subject, StringComparison.Ordinal);
        Assert.Contains("Removed a stuck sheet from tray 2.", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains("reply to this email within 7 days", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains("?rate=3#rate", resolved.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("[#" + number + "] Request closed", closed.Subject, StringComparison.Ordinal);
        for (var i = 0; i < steps.Length; i++)
        {
            var mail = steps[i];
            Assert.Contains("[#" + number + "]", mail.Subject, StringComparison.Ordinal);
            Assert.Equal(number, thread.TicketOfMessageId(mail.MessageId));
            Assert.Equal(number, thread.TicketOfReplyAddress(mail.ReplyTo.Mailboxes.Single().Address));
            StatusPath(mail);
            if (i > 0)
            {
                // Each mail answers the one before it: mail clients show one conversation.
                Assert.Equal(steps[i - 1].MessageId, mail.InReplyTo);
                Assert.Contains(steps[i - 1].MessageId, mail.References);
                Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
            }
        }

        // The link of the mail opens the page.
        using var browser = Host.Client();
        using var page = await browser.GetAsync(StatusPath(closed));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Printer jammed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Exactly these mails, no more: the internal comment, the acknowledgment and resume sent nothing else.
        Assert.Equal(steps.Length, MailsTo(Host, email).Count);
        Assert.Equal(steps.Length, MailsTo(Host, email).Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task FrenchRequester_GetsFrenchMails()
    {
        var email = NewEmail("marie");
        var number = await CreateAsync(Host, email, lang: "fr");
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "wait", new { actor = "alice", on = "requester", question = "Quel est le numéro de l'écran ?" });

        var question = await MailAsync(Host, email, "question-");

        Assert.Equal($"[#{number}] Une question sur votre demande : Écran noir", question.Subject);
        Assert.Contains("Bonjour Marie Dubois,", question.TextBody, StringComparison.Ordinal);
        Assert.Contains("répondez simplement à cet e-mail", question.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalComment_AndRedeliveredEvent_MailNothing()
    {
        var email = NewEmail("paul");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await MailAsync(Host, email, "ack");
        await ActAsync(tech, number, "comment", new { actor = "alice", text = "Only for us.", visibility = "internal" });
        await ActAsync(tech, number, "comment", new { actor = "alice", text = "For you.", visibility = "public" });
        await MailAsync(Host, email, "comment-");
        var handler = Host.Services.GetServices<ITicketEventHandler>().OfType<RequesterMail>().Single();

        // The internal comment's own event, delivered again (first time or not): still nothing.
        var internalEvent = await EventOfLineAsync(Host, number, "commented", TicketEventKind.Commented, index: 0);
        await handler.HandleAsync(internalEvent, redelivered: false, default);
        // The public comment's event redelivered after its mail went out: recorded once, not sent again.
        var publicEvent = await EventOfLineAsync(Host, number, "commented", TicketEventKind.Commented, index: 1);
        await handler.HandleAsync(publicEvent, redelivered: true, default);

        Assert.Equal(2, MailsTo(Host, email).Count);
        var timeline = await Host.Get<TicketStore>().GetTimelineAsync(number, default);
        Assert.Single(timeline, l => l.Kind == "email-sent" && l.Data!["template"] == "comment");
    }

    [Fact]
    public async Task RequesterOwnComment_IsNotMailedBack_AndBouncedAddress_IsNeverMailed()
    {
        var email = NewEmail("bounce");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await MailAsync(Host, email, "ack");
        await ActAsync(tech, number, "comment", new { actor = email, text = "Me again.", visibility = "public" });
        await Host.Get<BouncedAddresses>().MarkAsync(email.ToUpperInvariant(), "550 mailbox unknown", default);
        await ActAsync(tech, number, "comment", new { actor = "alice", text = "Can you hear us?", visibility = "public" });

        var suppressed = await Poll.UntilAsync(() => Host.Get<TicketStore>().GetTimelineAsync(number, default),
            t => t.Any(l => l.Kind == "email-suppressed"), TimeSpan.FromSeconds(30), "the suppressed mail on the timeline");

        Assert.Contains("550 mailbox unknown", suppressed.Single(l => l.Kind == "email-suppressed").Text, StringComparison.Ordinal);
        var handler = Host.Services.GetServices<ITicketEventHandler>().OfType<RequesterMail>().Single();
        await handler.HandleAsync(await EventOfLineAsync(Host, number, "commented", TicketEventKind.Commented, index: 0), redelivered: false, default);
        Assert.Single(MailsTo(Host, email)); // the acknowledgment only
    }

    [Fact]
    public async Task MarkupInEveryField_StaysTextInTheMail()
    {
        var email = NewEmail("xss");
        const string evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var number = await CreateAsync(Host, email, lang: "en", subject: "Broken " + evil);
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "comment", new { actor = "<b>alice</b>", text = "See " + evil, visibility = "public" });

        var mail = await MailAsync(Host, email, "comment-");

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }
}
