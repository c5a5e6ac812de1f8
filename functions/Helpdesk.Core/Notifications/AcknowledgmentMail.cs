using System.Net;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Email;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Sends the requester the acknowledgment of a new ticket (French or English), with the ticket number in the
/// subject, and records the outcome on the ticket's timeline, once (one line under a deterministic id): sent
/// (<c>email-sent</c>), refused for good (<c>email-failed</c>: the address is not valid, the mailbox was refused —
/// <see cref="PermanentEmailFailureException"/>, not retried) or over the per-recipient hourly limit
/// (<c>email-rate-limited</c>, see <see cref="AcknowledgmentLimiter"/>). Transient failures throw, so the event is
/// retried for this handler alone. Idempotent: the mail's Message-ID and timeline line are derived from the ticket,
/// and a redelivered event whose outcome is already recorded sends nothing.
/// </summary>
public sealed class AcknowledgmentMail(
    IEmailSender sender,
    TicketStore store,
    AcknowledgmentLimiter limiter,
    MailThreadAddresses thread,
    StatusLinks links,
    BouncedAddresses bounced,
    IOptions<HelpdeskOptions> options,
    ILogger<AcknowledgmentMail> logger) : ITicketEventHandler
{
    /// <summary>The handler's stable name in targeted <c>ticket-events</c> messages.</summary>
    public const string HandlerName = "acknowledgment";

    private const string EntryId = "mail-ack";
    private const string Template = "acknowledgment";

    public string Name => HandlerName;

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (ticketEvent.Kind != TicketEventKind.Created)
        {
            return;
        }

        // Recorded just after the creation line, so the timeline reads in order.
        var at = ticketEvent.At.AddTicks(1);
        if (redelivered && await store.HasRecordAsync(ticketEvent.Number, at, EntryId, cancellationToken))
        {
            NotificationLog.MailAlreadyHandled(logger, Template, ticketEvent.Number);
            return;
        }

        if (ticketEvent.Ticket.NoAutoReply is { } why)
        {
            // Inbound mail decided this sender must never get an automatic answer (list, no-reply, machine): no loop, no list-wide mail.
            await RecordAsync(ticketEvent.Number, at, "email-suppressed", $"No acknowledgment sent: {why}.", Visibility.Internal,
                new Dictionary<string, string> { ["template"] = Template, ["reason"] = why }, cancellationToken);
            return;
        }

        var email = Compose(ticketEvent, options.Value, thread, links);
        var to = email.To[0].Address;
        if (await bounced.ReasonAsync(to, cancellationToken) is { } bounceReason)
        {
            await RecordAsync(ticketEvent.Number, at, "email-suppressed", $"Acknowledgment not sent to {to}: the address bounced before ({bounceReason}).",
                Visibility.Internal, new Dictionary<string, string> { ["to"] = to, ["template"] = Template }, cancellationToken);
            return;
        }

        if (!await limiter.TryAcquireAsync(to, ticketEvent.EventId, ticketEvent.At, cancellationToken))
        {
            NotificationLog.AcknowledgmentRateLimited(logger, ticketEvent.Number, limiter.Limit);
            await RecordAsync(ticketEvent.Number, at, "email-rate-limited",
                $"Acknowledgment not sent to {to}: too many tickets from this address in the last hour (at most {limiter.Limit}).",
                Visibility.Internal, new Dictionary<string, string> { ["to"] = to, ["template"] = Template, ["limit"] = limiter.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                cancellationToken);
            return;
        }

        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (PermanentEmailFailureException ex)
        {
            NotificationLog.MailFailedPermanently(logger, ex, Template, ticketEvent.Number, ex.Reason);
            await bounced.MarkAsync(to, ex.Reason, cancellationToken);
            await RecordAsync(ticketEvent.Number, at, "email-failed", $"Acknowledgment not sent to {to}: {ex.Reason}.", Visibility.Internal,
                new Dictionary<string, string> { ["to"] = to, ["template"] = Template, ["reason"] = ex.Reason }, cancellationToken);
            return;
        }

        NotificationLog.MailSent(logger, Template, ticketEvent.Number, email.MessageId);
        await RecordAsync(ticketEvent.Number, at, "email-sent", $"Acknowledgment sent to {to}: {email.Subject}", Visibility.Public,
            new Dictionary<string, string> { ["messageId"] = email.MessageId, ["to"] = to, ["template"] = Template }, cancellationToken);
    }

    private Task RecordAsync(int number, DateTimeOffset at, string kind, string text, Visibility visibility, Dictionary<string, string> data, CancellationToken ct) =>
        store.RecordAsync(number, new TimelineEntry(at, "system", kind, text, visibility, data), EntryId, ct);

    public static OutgoingEmail Compose(TicketEvent e, HelpdeskOptions options, MailThreadAddresses thread, StatusLinks links)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(links);
        var t = e.Ticket;
        var lang = Language.Normalize(t.Language);
        var reference = Ticket.FormatNumber(e.Number);
        var url = links.Url(e.Number, t.RequesterEmail, e.At);
        var lines = new[]
        {
            Texts.Format(lang, "mail.ack.greeting", t.RequesterName),
            "",
            Texts.Format(lang, "mail.ack.body", reference, t.Subject),
            Texts.Format(lang, "mail.ack.priority", t.Priority),
            "",
            Texts.Format(lang, "mail.ack.next", reference),
            Texts.Format(lang, "mail.ack.status", url),
            "",
            "-- ",
            options.SupportName + " · " + Texts.Get(lang, "mail.ack.signature"),
        };
        // The status page's address is a link in the HTML part (mail clients do not all link bare text).
        var link = WebUtility.HtmlEncode(url.ToString());
        var html = "<!doctype html><html lang=\"" + lang + "\"><body>" +
                   string.Join("", lines.Where(l => l.Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(l).Replace(link, $"<a href=\"{link}\">{link}</a>", StringComparison.Ordinal) + "</p>")) +
                   "</body></html>";
        return new OutgoingEmail(
            new EmailAddress(options.SupportAddress, options.SupportName),
            [new EmailAddress(t.RequesterEmail, t.RequesterName)],
            Texts.Format(lang, "mail.ack.subject", reference, t.Subject),
            string.Join("\n", lines) + "\n",
            html,
            thread.MessageId(e.Number, "ack"),
            // An answer to the requester's own request (RFC 3834): auto-replied, where notifications are auto-generated.
            Headers: new Dictionary<string, string>
            {
                ["X-Helpdesk-Ticket"] = e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-Helpdesk-Url"] = url.ToString(),
                ["Auto-Submitted"] = "auto-replied",
            },
            ReplyTo: thread.ReplyTo(e.Number));
    }
}
