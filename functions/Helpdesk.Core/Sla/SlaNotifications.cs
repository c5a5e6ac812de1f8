using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

/// <summary>Who receives SLA notifications (section <c>Helpdesk:Sla:Notifications</c>).</summary>
public sealed class SlaNotificationOptions
{
    public const string SectionName = "Helpdesk:Sla:Notifications";

    public SlaGroupOptions Groups { get; set; } = new();

    /// <summary>Also receives every breach notification.</summary>
    public string Managers { get; set; } = "managers@helpdesk.localhost";

    /// <summary>Language of technicians' mails: <c>fr</c>, <c>en</c> or <c>both</c> (French then English).</summary>
    public string Language { get; set; } = "both";

    public string AddressOf(SupportLevel level) => level switch
    {
        SupportLevel.L1 => Groups.L1,
        SupportLevel.L2 => Groups.L2,
        _ => Groups.L3,
    };

    public IReadOnlyList<string> Languages => Language.Trim().ToLowerInvariant() switch
    {
        "fr" => [Localization.Language.French],
        "en" => [Localization.Language.English],
        _ => [Localization.Language.French, Localization.Language.English],
    };
}

/// <summary>The group mailbox of each support level.</summary>
public sealed class SlaGroupOptions
{
    public string L1 { get; set; } = "l1@helpdesk.localhost";
    public string L2 { get; set; } = "l2@helpdesk.localhost";
    public string L3 { get; set; } = "l3@helpdesk.localhost";
}

public sealed class SlaNotificationOptionsValidator : IValidateOptions<SlaNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaNotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (key, value) in new[] { ("Groups:L1", options.Groups.L1), ("Groups:L2", options.Groups.L2), ("Groups:L3", options.Groups.L3), ("Managers", options.Managers) })
        {
            if (!System.Net.Mail.MailAddress.TryCreate(value, out _))
            {
                errors.Add($"{SlaNotificationOptions.SectionName}:{key} '{value}' is not an email address.");
            }
        }

        if (options.Language.Trim().ToLowerInvariant() is not ("fr" or "en" or "both"))
        {
            errors.Add($"{SlaNotificationOptions.SectionName}:Language must be fr, en or both.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// A notification mail ready to deliver: the mail, the timeline line that proves it was sent (deterministic id and
/// instant), and the earliest instant it may go out (recipients' working hours).
/// </summary>
public sealed record SlaMail(int TicketNumber, string EntryId, DateTimeOffset At, DateTimeOffset NotBefore, OutgoingEmail Email, TimelineEntry Entry);

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
            await mailer.DeliverAsync(mail, ct);
            return;
        }

        await SlaMailer.EnqueueAsync(storage, mail, mail.NotBefore - now, ct);
        logger.LogInformation("SLA notice {Id} of ticket {Number} deferred to {NotBefore:O} (outside working hours).", notice.Id, notice.TicketNumber, mail.NotBefore);
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

/// <summary>Sends an <see cref="SlaMail"/> once: its timeline line (deterministic id) is checked before and written after sending.</summary>
public sealed class SlaMailer(IEmailSender sender, TicketStore store, ILogger<SlaMailer> logger)
{
    public async Task DeliverAsync(SlaMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (await store.HasRecordAsync(mail.TicketNumber, mail.At, mail.EntryId, ct))
        {
            logger.LogInformation("SLA mail {Id} of ticket {Number} was already sent.", mail.EntryId, mail.TicketNumber);
            return;
        }

        await sender.SendAsync(mail.Email, ct);
        await store.RecordAsync(mail.TicketNumber, mail.Entry, mail.EntryId, ct);
    }

    public static Task EnqueueAsync(StorageClients storage, SlaMail mail, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > SlaNotifier.MaxDelay ? SlaNotifier.MaxDelay : delay;
        return storage.Queue(HelpdeskQueues.Notifications).SendMessageAsync(
            JsonSerializer.Serialize(mail, HelpdeskJson.Options), visibility, TimeSpan.FromSeconds(-1), ct);
    }
}

/// <summary>
/// Consumes one <c>notifications</c> message (queue trigger / standalone queue service): sends the deferred mail
/// once (a redelivery whose timeline line exists sends nothing). A message that became visible before its
/// NotBefore (delays over 7 days are split) is put back for the remainder. Throws on failure so the host retries.
/// </summary>
public sealed class NotificationDispatcher(SlaMailer mailer, StorageClients storage, TimeProvider time, ILogger<NotificationDispatcher> logger)
{
    public async Task DispatchAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        SlaMail? mail;
        try
        {
            mail = JsonSerializer.Deserialize<SlaMail>(message, HelpdeskJson.Options);
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"The {HelpdeskQueues.Notifications} message is not a notification: {ex.Message}", ex);
        }

        if (mail?.Email is null || mail.Entry is null || mail.TicketNumber <= 0)
        {
            throw new MalformedMessageException($"The {HelpdeskQueues.Notifications} message has no mail.");
        }

        // Queue visibility is in whole seconds: a message up to a second early is on time.
        var early = mail.NotBefore - time.GetUtcNow();
        if (early > TimeSpan.FromSeconds(1))
        {
            await SlaMailer.EnqueueAsync(storage, mail, early, cancellationToken);
            logger.LogDebug("SLA mail {Id} of ticket {Number} put back until {NotBefore:O}.", mail.EntryId, mail.TicketNumber, mail.NotBefore);
            return;
        }

        await mailer.DeliverAsync(mail, cancellationToken);
        logger.LogDebug("SLA mail {Id} of ticket {Number} delivered (attempt {Attempt}).", mail.EntryId, mail.TicketNumber, dequeueCount);
    }
}
