using System.Globalization;
using Helpdesk.Core.Email;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Mails the requester every public step of their ticket (<see cref="RequesterMailKind"/>): a technician's public
/// comment, a question (waiting on the requester), the resolution, the closure, a reopening, a priority raised to P1/P2.
/// Internal comments and the requester's own comments are never mailed. Each mail threads (signed Message-ID per
/// ticket and line, In-Reply-To/References the previous mail of the ticket, <c>[#n]</c> in the subject, signed
/// Reply-To) and links the status page. Idempotent like <c>AcknowledgmentMail</c>: the Message-ID and the timeline
/// line that records the mail are derived from the event's line, and a redelivered event already recorded sends
/// nothing. Addresses in <see cref="BouncedAddresses"/> are not mailed; an address the mail system refuses for good
/// is added there.
/// </summary>
public sealed class RequesterMail(
    IEmailSender sender,
    TicketStore store,
    BouncedAddresses bounced,
    StatusLinks links,
    MailThreadAddresses thread,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<ConversationOptions> options,
    ILogger<RequesterMail> logger) : ITicketEventHandler
{
    public const string HandlerName = "requester-mail";

    public string Name => HandlerName;

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (ticketEvent.Kind is not (TicketEventKind.Commented or TicketEventKind.Waiting or TicketEventKind.Resolved
            or TicketEventKind.Closed or TicketEventKind.Reopened or TicketEventKind.PriorityChanged))
        {
            return;
        }

        var entryId = EntryIdOf(ticketEvent.EventId);
        // One read of the ticket's timeline serves the step's line, the record of an earlier delivery and the previous
        // mail this one answers.
        var timeline = entryId is null ? [] : await store.GetTimelineRowsAsync(ticketEvent.Number, cancellationToken);
        var line = entryId is null ? null : LineAt(timeline, ticketEvent.At, entryId);
        if (line is null)
        {
            // The line is written before its event is published: without it there is nothing to say, ever.
            throw new Storage.MalformedMessageException(
                $"Ticket event {ticketEvent.EventId} has no timeline line to mail (ticket {Ticket.FormatNumber(ticketEvent.Number)}).");
        }

        if (KindOf(ticketEvent, line) is not { } kind)
        {
            return;
        }

        var template = WireName(kind);
        var at = ticketEvent.At.AddTicks(1);
        var recordId = "mail-" + entryId;
        if (redelivered && LineAt(timeline, at, recordId) is not null)
        {
            ConversationLog.MailAlreadyHandled(logger, template, ticketEvent.Number);
            return;
        }

        var t = ticketEvent.Ticket;
        var to = t.RequesterEmail;
        if (await bounced.ReasonAsync(to, cancellationToken) is { } reason)
        {
            ConversationLog.MailSuppressed(logger, template, ticketEvent.Number);
            await RecordAsync(ticketEvent.Number, at, recordId, "email-suppressed",
                $"Mail '{template}' not sent to {to}: the address bounced before ({reason}).", Visibility.Internal,
                new Dictionary<string, string> { ["to"] = to, ["template"] = template }, cancellationToken);
            return;
        }

        if (t.NoAutoReply is { } automated)
        {
            // Inbound mail found the requester is a list, a no-reply or a machine: mailing it each step would reach a
            // whole list or start a loop. Technicians see why on the timeline.
            ConversationLog.MailSuppressed(logger, template, ticketEvent.Number);
            await RecordAsync(ticketEvent.Number, at, recordId, "email-suppressed",
                $"Mail '{template}' not sent to {to}: {automated}.", Visibility.Internal,
                new Dictionary<string, string> { ["to"] = to, ["template"] = template }, cancellationToken);
            return;
        }

        var previous = PreviousMessageId(timeline, at);
        var email = Compose(kind, ticketEvent, line, entryId!, previous);
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (PermanentEmailFailureException ex)
        {
            ConversationLog.MailFailedPermanently(logger, ex, template, ticketEvent.Number, ex.Reason);
            await bounced.MarkAsync(to, ex.Reason, cancellationToken);
            await RecordAsync(ticketEvent.Number, at, recordId, "email-failed", $"Mail '{template}' not sent to {to}: {ex.Reason}.", Visibility.Internal,
                new Dictionary<string, string> { ["to"] = to, ["template"] = template, ["reason"] = ex.Reason }, cancellationToken);
            return;
        }

        ConversationLog.MailSent(logger, template, ticketEvent.Number, email.MessageId);
        await RecordAsync(ticketEvent.Number, at, recordId, "email-sent", $"Mail '{template}' sent to {to}: {email.Subject}", Visibility.Public,
            new Dictionary<string, string> { ["messageId"] = email.MessageId, ["to"] = to, ["template"] = template }, cancellationToken);
    }

    /// <summary>The mail a step calls for, or null when the requester is not to be told (internal, their own words...).</summary>
    public static RequesterMailKind? KindOf(TicketEvent e, TimelineEntry line)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(line);
        return e.Kind switch
        {
            TicketEventKind.Commented when line.Visibility == Visibility.Public && !IsRequester(e.Actor, e.Ticket) => RequesterMailKind.Comment,
            TicketEventKind.Waiting when e.Ticket.WaitingOn == WaitingOn.Requester => RequesterMailKind.Question,
            TicketEventKind.Resolved => RequesterMailKind.Resolved,
            TicketEventKind.Closed => RequesterMailKind.Closed,
            TicketEventKind.Reopened => RequesterMailKind.Reopened,
            TicketEventKind.PriorityChanged when IsRaisedToUrgent(line, e.Ticket.Priority) => RequesterMailKind.Urgent,
            _ => null,
        };
    }

    /// <summary>True when the actor is the requester (the status page acts under their address): they know what they wrote.</summary>
    public static bool IsRequester(string actor, TicketSnapshot ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        // A script acting with a machine key on the requester's behalf is recorded "<address> (key <name>)": still
        // the requester's own words, never mailed back to them.
        return string.Equals(PublicAuthor.Of(actor, ""), ticket.RequesterEmail.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static string WireName(RequesterMailKind kind) => kind.ToString().ToLowerInvariant();

    // Event ids end with the id of the timeline line that records the change (TicketService.EventOf).
    private static string? EntryIdOf(string eventId)
    {
        var dash = eventId.LastIndexOf('-');
        var id = dash < 0 ? "" : eventId[(dash + 1)..];
        return id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) ? id : null;
    }

    private static bool IsRaisedToUrgent(TimelineEntry line, Priority now) =>
        now <= Priority.P2
        && line.Data is { } data && data.TryGetValue("from", out var from)
        && Enum.TryParse<Priority>(from, out var before) && before > now;

    private OutgoingEmail Compose(RequesterMailKind kind, TicketEvent e, TimelineEntry line, string entryId, string? previous)
    {
        var t = e.Ticket;
        var lang = Localization.Language.Normalize(t.Language);
        var body = kind switch
        {
            RequesterMailKind.Question => line.Data?.GetValueOrDefault("question"),
            RequesterMailKind.Comment or RequesterMailKind.Resolved => line.Text,
            RequesterMailKind.Reopened => IsRequester(e.Actor, t) ? null : line.Text == "Reopened." ? null : line.Text,
            _ => null,
        };
        var o = helpdesk.Value;
        var model = new RequesterMailModel(e.Number, t.Subject, t.RequesterName, AuthorOf(e.Actor, lang, o), body, t.Priority,
            links.Url(e.Number, t.RequesterEmail, e.At), options.Value.ReplyWithinDays, o.SupportName);
        var content = RequesterMailTemplates.Render(kind, lang, model);
        return new OutgoingEmail(
            new EmailAddress(o.SupportAddress, o.SupportName),
            [new EmailAddress(t.RequesterEmail, t.RequesterName)],
            content.Subject,
            content.Text,
            content.Html,
            thread.MessageId(e.Number, WireName(kind) + "-" + entryId),
            InReplyTo: previous,
            Headers: new Dictionary<string, string>
            {
                ["X-Helpdesk-Ticket"] = e.Number.ToString(CultureInfo.InvariantCulture),
                ["X-Helpdesk-Url"] = model.StatusUrl.ToString(),
            },
            ReplyTo: thread.ReplyTo(e.Number));
    }

    // Technicians sign with their name; an automatic actor ("system", "sla") is "the support".
    private static string AuthorOf(string actor, string lang, HelpdeskOptions o) => PublicAuthor.Of(actor, o.SupportName);

    /// <summary>The Message-ID of the ticket's latest mail before <paramref name="before"/>: the one this mail answers.</summary>
    private static string? PreviousMessageId(IReadOnlyList<TimelineRow> timeline, DateTimeOffset before) =>
        timeline.Select(r => r.Entry).LastOrDefault(l => l.At < before && l.Kind == "email-sent" && l.Data?.ContainsKey("messageId") == true)
            ?.Data!["messageId"];

    /// <summary>The line written at <paramref name="at"/> under <paramref name="id"/>, or null.</summary>
    private static TimelineEntry? LineAt(IReadOnlyList<TimelineRow> timeline, DateTimeOffset at, string id)
    {
        var rowKey = TicketStore.TimelineRowKey(at, id);
        return timeline.FirstOrDefault(r => r.RowKey == rowKey)?.Entry;
    }

    private Task RecordAsync(int number, DateTimeOffset at, string id, string kind, string text, Visibility visibility,
        Dictionary<string, string> data, CancellationToken ct) =>
        store.RecordAsync(number, new TimelineEntry(at, "system", kind, text, visibility, data), id, ct);
}
