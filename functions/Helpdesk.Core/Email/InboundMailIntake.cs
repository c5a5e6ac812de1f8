using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Email;

/// <summary>
/// What every inbound route and the SMTP listener do once a message is authenticated and within the size limit:
/// store the raw bytes, enqueue a small message, and return. The queue consumer (<see cref="InboundMailProcessor"/>)
/// does the rest, so providers get their answer fast and retry only what was not stored.
/// </summary>
public sealed class InboundMailIntake(InboundMailStore store, StorageClients storage, TimeProvider time, ILogger<InboundMailIntake> logger)
{
    public async Task<string> AcceptAsync(ReadOnlyMemory<byte> raw, InboundFormat format, IReadOnlyList<string>? recipients, CancellationToken ct)
    {
        var blob = await store.SaveAsync(raw, ct);
        var route = WireName(format);
        var message = new InboundMailMessage(blob, route, time.GetUtcNow(), recipients is { Count: > 0 } ? recipients : null);
        await storage.Queue(InboundQueues.Mail).SendMessageAsync(message.ToJson(), ct);
        EmailLog.MessageAccepted(logger, route, blob, raw.Length);
        return blob;
    }

    public static string WireName(InboundFormat format) => format.ToString().ToLowerInvariant();
}
