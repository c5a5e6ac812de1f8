using System.Text;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Storage;

/// <summary>
/// Writes a message that is given up to <c>{queue}-poison</c> as a <see cref="PoisonMessage"/>, so that the reason stays
/// with the message (and not only in the logs). Both hosts' queue consumers write through here.
/// </summary>
public sealed class PoisonQueue(StorageClients storage, TimeProvider time, ILogger<PoisonQueue> logger)
{
    /// <summary>
    /// The largest message text a queue takes: 64 KiB once base64-encoded (the encoding the Functions trigger expects),
    /// i.e. 48 KiB of UTF-8.
    /// </summary>
    public const int MaxMessageBytes = 64 * 1024 / 4 * 3;

    public async Task WriteAsync(QueueMessageInfo message, Exception reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reason);
        var permanent = QueueFailurePolicy.IsPermanent(reason);
        var text = reason.Message.Length <= PoisonMessage.MaxReasonLength ? reason.Message : reason.Message[..PoisonMessage.MaxReasonLength];
        var envelope = new PoisonMessage(message.Queue, message.MessageId, time.GetUtcNow(), message.DequeueCount, permanent,
            reason.GetType().FullName ?? reason.GetType().Name, text, message.Body).ToJson();
        var poison = storage.Queue(QueueRules.Poison(message.Queue));
        if (Encoding.UTF8.GetByteCount(envelope) > MaxMessageBytes)
        {
            // The original alone fits (it was on a queue): keep it, the reason is in this log line.
            StorageLog.PoisonEnvelopeTooLarge(logger, reason, message.MessageId, message.Queue, poison.Name);
            envelope = message.Body;
        }

        await poison.SendMessageAsync(envelope, ct);
        StorageLog.MessagePoisoned(logger, reason, message.MessageId, message.Queue, message.DequeueCount, permanent, poison.Name);
    }
}
