using System.Net;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Sends the requester the acknowledgment of a new ticket (French or English), with the ticket number in the
/// subject, and records it on the ticket's timeline. Idempotent: the mail's Message-ID and timeline line are derived
/// from the ticket, and a redelivered event whose mail is already recorded sends nothing.
/// </summary>
public sealed class AcknowledgmentMail(
    IEmailSender sender,
    TicketStore store,
    IOptions<HelpdeskOptions> options,
    ILogger<AcknowledgmentMail> logger) : ITicketEventHandler
{
    private const string EntryId = "mail-ack";

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        if (ticketEvent.Kind != TicketEventKind.Created)
        {
            return;
        }

        // Recorded just after the creation line, so the timeline reads in order.
        var at = ticketEvent.At.AddTicks(1);
        if (redelivered && await store.HasRecordAsync(ticketEvent.Number, at, EntryId, cancellationToken))
        {
            logger.LogInformation("Acknowledgment of ticket {Number} was already sent; skipping the redelivered event.", ticketEvent.Number);
            return;
        }

        var email = Compose(ticketEvent, options.Value);
        await sender.SendAsync(email, cancellationToken);
        await store.RecordAsync(ticketEvent.Number, new TimelineEntry(
            at,
            "system",
            "email-sent",
            $"Acknowledgment sent to {email.To[0].Address}: {email.Subject}",
            Visibility.Public,
            new Dictionary<string, string> { ["messageId"] = email.MessageId, ["to"] = email.To[0].Address, ["template"] = "acknowledgment" }),
            EntryId,
            cancellationToken);
    }

    public static OutgoingEmail Compose(TicketEvent e, HelpdeskOptions options)
    {
        var t = e.Ticket;
        var lang = Language.Normalize(t.Language);
        var reference = Ticket.FormatNumber(e.Number);
        var url = options.TicketUrl(e.Number);
        var lines = new[]
        {
            Texts.Format(lang, "mail.ack.greeting", t.RequesterName),
            "",
            Texts.Format(lang, "mail.ack.body", reference, t.Subject),
            Texts.Format(lang, "mail.ack.priority", t.Priority),
            "",
            Texts.Format(lang, "mail.ack.next", reference),
            "",
            "-- ",
            options.SupportName + " · " + Texts.Get(lang, "mail.ack.signature"),
        };
        var html = "<!doctype html><html lang=\"" + lang + "\"><body>" +
                   string.Join("", lines.Where(l => l.Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>")) +
                   "</body></html>";
        var domain = options.SupportAddress.Split('@')[^1];
        return new OutgoingEmail(
            new EmailAddress(options.SupportAddress, options.SupportName),
            [new EmailAddress(t.RequesterEmail, t.RequesterName)],
            Texts.Format(lang, "mail.ack.subject", reference, t.Subject),
            string.Join("\n", lines) + "\n",
            html,
            $"<ticket-{e.Number}-ack@{domain}>",
            Headers: new Dictionary<string, string> { ["X-Helpdesk-Ticket"] = e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-Helpdesk-Url"] = url.ToString() });
    }
}
