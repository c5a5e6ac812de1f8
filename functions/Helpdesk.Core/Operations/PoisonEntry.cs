namespace Helpdesk.Core.Operations;

/// <summary>
/// One message on a poison queue, as the operations API and page show it. Values from the envelope
/// (<see cref="Storage.PoisonMessage"/>) when the host wrote one; a bare message (too large for an envelope, or moved by
/// the Functions runtime itself) has no recorded reason, attempt count or error.
/// </summary>
/// <param name="Queue">The queue the message came from and goes back to on replay.</param>
/// <param name="Id">The poison message's storage id: what replay names.</param>
/// <param name="FailedAt">When its last attempt failed (the envelope), else when it reached the poison queue.</param>
/// <param name="DequeueCount">Attempts on its own queue, when recorded.</param>
/// <param name="Permanent">True when poisoned at once (a message that can never be processed), when recorded.</param>
/// <param name="Error">The exception type of the last attempt, when recorded.</param>
/// <param name="Reason">Why it was given up, or a sentence saying the reason was not recorded.</param>
/// <param name="Preview">The start of the original message (at most <see cref="PoisonMessages.PreviewLength"/> characters, control characters replaced).</param>
public sealed record PoisonEntry(
    string Queue,
    string Id,
    DateTimeOffset? FailedAt,
    long? DequeueCount,
    bool? Permanent,
    string? Error,
    string Reason,
    string Preview);
