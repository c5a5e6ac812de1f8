using System.Text.Json;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

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
            throw new MalformedMessageException($"The {SlaQueues.Notifications} message is not a notification: {ex.Message}", ex);
        }

        if (mail?.Email is null || mail.Entry is null || mail.TicketNumber <= 0)
        {
            throw new MalformedMessageException($"The {SlaQueues.Notifications} message has no mail.");
        }

        // Queue visibility is in whole seconds: a message up to a second early is on time.
        var early = mail.NotBefore - time.GetUtcNow();
        if (early > TimeSpan.FromSeconds(1))
        {
            await SlaMailer.EnqueueAsync(storage, mail, early, cancellationToken);
            SlaLog.MailPutBack(logger, mail.EntryId, mail.TicketNumber, mail.NotBefore);
            return;
        }

        await mailer.DeliverAsync(mail, cancellationToken);
        SlaLog.MailDelivered(logger, mail.EntryId, mail.TicketNumber, dequeueCount);
    }
}
