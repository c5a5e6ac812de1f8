using System.Text;
using Azure;
using Azure.Storage.Queues.Models;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Operations;

/// <summary>
/// The poison queues of every queue the features declared (<see cref="StorageResource"/>): listing them, and replaying
/// one message. A replay puts the original message (<see cref="PoisonMessage.Message"/>) back on its queue, then
/// deletes the poison message; consumers are idempotent, so even a replay that fails between the two steps and is
/// repeated costs one extra, harmless delivery. The message is taken from the poison queue with a lease first, so two
/// admins replaying the same message at once replay it once: the second finds nothing.
/// </summary>
public sealed class PoisonMessages(StorageClients storage, IEnumerable<StorageResource> resources, TimeProvider time, ILogger<PoisonMessages> logger)
{
    /// <summary>Messages listed per poison queue: what one storage peek returns (the service's maximum).</summary>
    public const int ListedPerQueue = 32;

    /// <summary>How far a replay looks for its message: this many of a poison queue's oldest messages.</summary>
    public const int MaxScannedForReplay = 256;

    /// <summary>Characters of the original message shown as a preview.</summary>
    public const int PreviewLength = 200;

    /// <summary>Ids of storage queue messages are GUIDs; anything longer or other than these characters is no message of ours.</summary>
    public const int MaxIdLength = 64;

    /// <summary>How long a replay keeps the messages it looked through hidden from another replay (it releases them at once when done).</summary>
    private static readonly TimeSpan ReplayLease = TimeSpan.FromSeconds(30);

    private const int ReceiveBatch = 32;

    /// <summary>The product's queues (not their poison queues), in name order.</summary>
    public IReadOnlyList<string> Queues { get; } = [.. resources
        .Where(r => r.Kind == StorageResourceKind.Queue && !r.Name.EndsWith(QueueRules.Poison(""), StringComparison.Ordinal))
        .Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public async Task<PoisonListing> ListAsync(CancellationToken ct)
    {
        var perQueue = await Task.WhenAll(Queues.Select(async queue =>
        {
            var poison = storage.Queue(QueueRules.Poison(queue));
            var count = (await poison.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            var peeked = count == 0 ? [] : (await poison.PeekMessagesAsync(ListedPerQueue, ct)).Value;
            var entries = peeked.Select(m => Entry(queue, m.MessageId, m.InsertedOn, m.Body.ToString())).ToList();
            return (Summary: new PoisonQueueSummary(queue, poison.Name, Math.Max(count, entries.Count), entries.Count), Entries: entries);
        }));
        return new PoisonListing([.. perQueue.Select(q => q.Summary)],
            [.. perQueue.SelectMany(q => q.Entries).OrderByDescending(e => e.FailedAt)]);
    }

    /// <summary>Puts the message back on <paramref name="queue"/> and removes it from the poison queue.</summary>
    /// <param name="by">Who replays (for the log).</param>
    public async Task<ReplayOutcome> ReplayAsync(string queue, string id, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(id);
        if (!Queues.Contains(queue, StringComparer.Ordinal))
        {
            return ReplayOutcome.UnknownQueue;
        }

        if (!IsMessageId(id))
        {
            return ReplayOutcome.NotFound;
        }

        var poison = storage.Queue(QueueRules.Poison(queue));
        var held = new List<QueueMessage>();
        try
        {
            while (held.Count < MaxScannedForReplay)
            {
                QueueMessage[] batch = (await poison.ReceiveMessagesAsync(ReceiveBatch, ReplayLease, ct)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                if (batch.FirstOrDefault(m => m.MessageId == id) is { } match)
                {
                    held.AddRange(batch.Where(m => m != match));
                    var original = PoisonMessage.TryParse(match.Body.ToString())?.Message ?? match.Body.ToString();
                    var sent = await storage.Queue(queue).SendMessageAsync(original, ct);
                    await poison.DeleteMessageAsync(match.MessageId, match.PopReceipt, ct);
                    OperationsLog.Replayed(logger, id, queue, sent.Value.MessageId, by);
                    return ReplayOutcome.Replayed;
                }

                held.AddRange(batch);
            }

            return ReplayOutcome.NotFound;
        }
        finally
        {
            // The others go back at once (not after the lease), so that the list and other replays see them again.
            await Task.WhenAll(held.Select(m => ReleaseAsync(poison, m)));
        }
    }

    public static bool IsMessageId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private async Task ReleaseAsync(Azure.Storage.Queues.QueueClient poison, QueueMessage message)
    {
        try
        {
            await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            // Not lost: it becomes visible again when the lease ends.
            OperationsLog.ReleaseFailed(logger, ex, message.MessageId, poison.Name);
        }
    }

    private PoisonEntry Entry(string queue, string id, DateTimeOffset? insertedOn, string body)
    {
        if (PoisonMessage.TryParse(body) is { } envelope)
        {
            return new PoisonEntry(queue, id, envelope.FailedAt, envelope.DequeueCount, envelope.Permanent, envelope.Error, envelope.Reason, Preview(envelope.Message));
        }

        return new PoisonEntry(queue, id, insertedOn ?? time.GetUtcNow(), null, null, null, NoReason, Preview(body));
    }

    public const string NoReason = "No reason recorded (the message was poisoned without an envelope; see the host's log at that time).";

    /// <summary>The start of a message, on one line: control characters (line breaks included) become spaces.</summary>
    public static string Preview(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cut = Math.Min(message.Length, PreviewLength);
        if (cut < message.Length && char.IsHighSurrogate(message[cut - 1]))
        {
            cut--; // never half a character
        }

        var sb = new StringBuilder(cut + 1);
        foreach (var c in message.AsSpan(0, cut))
        {
            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return cut < message.Length ? sb.Append('…').ToString() : sb.ToString();
    }
}
