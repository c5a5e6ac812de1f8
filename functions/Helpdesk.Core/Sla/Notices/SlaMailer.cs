using System.Text.Json;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>Sends an <see cref="SlaMail"/> once: its timeline line (deterministic id) is checked before and written after sending.</summary>
/// <remarks>
/// <c>checkSent: false</c> skips the check, for a mail whose action the caller has just recorded (nothing can have
/// sent it yet). The check is no lock either way: two runs of the same evaluation at once could both send, as before.
/// </remarks>
public sealed class SlaMailer(IEmailSender sender, TicketStore store, ILogger<SlaMailer> logger)
{
    public async Task DeliverAsync(SlaMail mail, CancellationToken ct, bool checkSent = true)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (checkSent && await store.HasRecordAsync(mail.TicketNumber, mail.At, mail.EntryId, ct))
        {
            SlaLog.MailAlreadySent(logger, mail.EntryId, mail.TicketNumber);
            return;
        }

        await sender.SendAsync(mail.Email, ct);
        await store.RecordAsync(mail.TicketNumber, mail.Entry, mail.EntryId, ct);
    }

    public static Task EnqueueAsync(StorageClients storage, SlaMail mail, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > SlaNotifier.MaxDelay ? SlaNotifier.MaxDelay : delay;
        return storage.Queue(SlaQueues.Notifications).SendMessageAsync(
            JsonSerializer.Serialize(mail, HelpdeskJson.Options), visibility, TimeSpan.FromSeconds(-1), ct);
    }
}
