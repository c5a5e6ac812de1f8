namespace Helpdesk.Core.Intake;

/// <summary>
/// What a requester sends, exactly as received (strings), whatever the channel: form post, multipart or JSON.
/// Field names are the public contract.
/// </summary>
public sealed record TicketSubmission
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Subject { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
    public string? Impact { get; init; }
    public string? CanWork { get; init; }
    public string? AssetTag { get; init; }

    /// <summary>Requester language ("fr" or "en"); defaults to the page's language.</summary>
    public string? Lang { get; init; }

    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; init; }

    /// <summary>One-time token of the HTML form, used as an idempotency key when no header is sent.</summary>
    public string? FormToken { get; init; }
}
