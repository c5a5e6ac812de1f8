using System.Globalization;
using System.Net;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

/// <summary>Composes SLA notifications to level groups and delivers them at once or, outside working hours, through the
/// <c>notifications</c> queue with a visibility delay (P1 always at once).</summary>
public sealed class SlaNotifier(
    SlaMailer mailer,
    StorageClients storage,
    BusinessCalendar calendar,
    IOptions<SlaNotificationOptions> notificationOptions,
    IOptions<HelpdeskOptions> helpdeskOptions,
    IOptions<BusinessCalendarOptions> calendarOptions,
    TimeProvider time,
    ILogger<SlaNotifier> logger) : ISlaNotifier
{
    /// <summary>Longest visibility delay a storage queue accepts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    public async Task NotifyAsync(SlaNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = time.GetUtcNow();
        var mail = Compose(notice, notificationOptions.Value, helpdeskOptions.Value, TimeZoneOf(calendarOptions.Value), DeliveryTime(notice.Priority, now, calendar));
        if (mail.NotBefore <= now)
        {
            await mailer.DeliverAsync(mail, ct, checkSent: !notice.NeverSent);
            return;
        }

        await SlaMailer.EnqueueAsync(storage, mail, mail.NotBefore - now, ct);
        SlaLog.NoticeDeferred(logger, notice.Id, notice.TicketNumber, mail.NotBefore);
    }

    /// <summary>When a notice may be sent: at once for P1 or during working hours, else at the next working instant.</summary>
    public static DateTimeOffset DeliveryTime(Priority priority, DateTimeOffset now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return priority == Priority.P1 || calendar.IsWorkingTime(now) ? now : calendar.NextWorkingInstant(now);
    }

    public static SlaMail Compose(SlaNotice n, SlaNotificationOptions options, HelpdeskOptions helpdesk, TimeZoneInfo zone, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(helpdesk);
        var reference = Ticket.FormatNumber(n.TicketNumber);
        var to = new List<EmailAddress> { new(options.AddressOf(n.Level), $"Support {n.Level}") };
        if (n.Kind == SlaNoticeKind.Breached)
        {
            to.Add(new EmailAddress(options.Managers));
        }

        var languages = options.Languages;
        var kind = n.Kind switch
        {
            SlaNoticeKind.Warned => "warned",
            SlaNoticeKind.Escalated => "escalated",
            _ => "breached",
        };
        string Local(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
        string Target(string lang) => n.Target is { } t ? Texts.Get(lang, t == SlaTarget.FirstResponse ? "mail.sla.target.first-response" : "mail.sla.target.resolution") : "";
        string[] Body(string lang) =>
        [
            Texts.Format(lang, $"mail.sla.{kind}.body", reference, n.Subject, n.Priority, n.Level, Target(lang), Local(n.DueAt), n.From?.ToString() ?? ""),
            Texts.Format(lang, "mail.sla.link", helpdesk.TicketUrl(n.TicketNumber)),
        ];

        var lines = languages.SelectMany((lang, i) => (i == 0 ? Array.Empty<string>() : ["", "---", ""]).Concat(Body(lang))).ToList();
        lines.AddRange(["", "-- ", helpdesk.SupportName]);
        var subject = Texts.Format(languages[0], $"mail.sla.{kind}.subject", reference, n.Subject, n.Priority, n.Level, Target(languages[0]));
        var html = "<!doctype html><html><body>" +
                   string.Join("", lines.Where(l => l.Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>")) + "</body></html>";
        var domain = helpdesk.SupportAddress.Split('@')[^1];
        var email = new OutgoingEmail(
            new EmailAddress(helpdesk.SupportAddress, helpdesk.SupportName),
            to,
            subject,
            string.Join("\n", lines) + "\n",
            html,
            $"<ticket-{n.TicketNumber}-{n.Id}@{domain}>",
            Headers: new Dictionary<string, string>
            {
                ["X-Helpdesk-Ticket"] = n.TicketNumber.ToString(CultureInfo.InvariantCulture),
                ["X-Helpdesk-Sla"] = kind,
            });
        var entry = new TimelineEntry(
            n.At,
            SlaActors.System,
            "email-sent",
            $"SLA {kind} notification sent to {string.Join(", ", to.Select(a => a.Address))}: {subject}",
            Visibility.Internal,
            new Dictionary<string, string> { ["messageId"] = email.MessageId, ["to"] = string.Join(",", to.Select(a => a.Address)), ["template"] = "sla-" + kind });
        return new SlaMail(n.TicketNumber, n.Id, n.At, notBefore, email, entry);
    }

    public static TimeZoneInfo TimeZoneOf(BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
