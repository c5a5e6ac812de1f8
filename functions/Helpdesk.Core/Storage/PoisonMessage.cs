using System.Text.Json;

namespace Helpdesk.Core.Storage;

/// <summary>
/// What both hosts write to <c>{queue}-poison</c>: the original message, unchanged, in <see cref="Message"/>, with the
/// reason it was given up. One JSON object per poison message (camelCase), e.g.
/// <code>{"queue":"ticket-events","messageId":"…","failedAt":"2026-11-20T10:15:02.123+00:00","dequeueCount":1,
///  "permanent":true,"error":"Helpdesk.Core.Storage.MalformedMessageException","reason":"The ticket-events message…","message":"…"}</code>
/// Replaying = putting <see cref="Message"/> back on <see cref="Queue"/> (docs/operations.md).
/// </summary>
/// <param name="Queue">The queue the message came from (product name, without storage prefix).</param>
/// <param name="MessageId">Its storage message id on that queue.</param>
/// <param name="FailedAt">When the last attempt failed (UTC).</param>
/// <param name="DequeueCount">How many times it was attempted.</param>
/// <param name="Permanent">True when it was poisoned at once (<see cref="QueueFailurePolicy.IsPermanent"/>), false after the last retry.</param>
/// <param name="Error">The exception type of the last attempt.</param>
/// <param name="Reason">The exception message of the last attempt (at most <see cref="MaxReasonLength"/> characters).</param>
/// <param name="Message">The original message text.</param>
public sealed record PoisonMessage(
    string Queue,
    string MessageId,
    DateTimeOffset FailedAt,
    long DequeueCount,
    bool Permanent,
    string Error,
    string Reason,
    string Message)
{
    public const int MaxReasonLength = 2048;

    public string ToJson() => JsonSerializer.Serialize(this, HelpdeskJson.Options);

    /// <summary>Reads a poison message; null when the text is not one (e.g. a bare message the Functions runtime moved itself).</summary>
    public static PoisonMessage? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var parsed = JsonSerializer.Deserialize<PoisonMessage>(text, HelpdeskJson.Options);
            return parsed is { Queue: not null, Message: not null, Reason: not null } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
