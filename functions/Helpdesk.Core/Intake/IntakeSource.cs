namespace Helpdesk.Core.Intake;

/// <summary>
/// The channel of a new ticket and a reference within it: "form" or "api" for the web, the Message-ID of a mail,
/// the technician who took a call, the asset and reminder of a maintenance ticket.
/// </summary>
public sealed record IntakeSource(IntakeChannel Channel, string? Reference = null)
{
    public const int MaxReferenceLength = 200;
}
