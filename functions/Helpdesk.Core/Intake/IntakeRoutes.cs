namespace Helpdesk.Core.Intake;

/// <summary>The public routes of intake; both hosts bind these names and the parity test compares them.</summary>
public static class IntakeRoutes
{
    /// <summary>The request form (HTML).</summary>
    public const string Form = "form";

    /// <summary>Ticket creation (form post, multipart or JSON).</summary>
    public const string Tickets = "tickets";
}
