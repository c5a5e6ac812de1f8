using System.Text.Json;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Email;

/// <summary>
/// The small message on <see cref="InboundQueues.Mail"/>: where the raw message is stored and how it came in. The
/// message itself stays in Blob storage (queue messages are limited to 64 KiB).
/// </summary>
public sealed record InboundMailMessage(string Blob, string Route, DateTimeOffset ReceivedAt, IReadOnlyList<string>? Recipients = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, HelpdeskJson.Options);

    /// <exception cref="MalformedMessageException">Not an inbound mail message: poisoned at once.</exception>
    public static InboundMailMessage Parse(string body)
    {
        try
        {
            var message = JsonSerializer.Deserialize<InboundMailMessage>(body, HelpdeskJson.Options);
            return message is { Blob.Length: > 0, Route.Length: > 0 } && InboundMailStore.IsBlobName(message.Blob)
                ? message
                : throw new MalformedMessageException("Not an inbound mail message: 'blob' and 'route' are required.");
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException("Not an inbound mail message: invalid JSON.", ex);
        }
    }
}
