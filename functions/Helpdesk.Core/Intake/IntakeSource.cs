namespace Helpdesk.Core.Intake;

/// <summary>
/// The channel of a new ticket and a reference within it: "form" or "api" for the web, the Message-ID of a mail,
/// the technician who took a call, the asset and reminder of a maintenance ticket.
/// </summary>
public sealed record IntakeSource(IntakeChannel Channel, string? Reference = null)
{
    public const int MaxReferenceLength = 200;

    /// <summary>
    /// Why the product must never answer this requester automatically (a mailing list, a no-reply or auto-generated
    /// sender...), or null. Kept on the ticket (<see cref="Tickets.Ticket.NoAutoReply"/>): no acknowledgment goes out.
    /// </summary>
    public string? NoAutoReply { get; init; }
}
