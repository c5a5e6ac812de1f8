namespace Helpdesk.Core.Tickets;

/// <summary>Ticket numbering (section <c>Helpdesk:Tickets</c>).</summary>
public sealed class TicketNumberingOptions
{
    public const string Section = "Helpdesk:Tickets";

    /// <summary>The first number handed out on a new instance (numbers read better with four digits).</summary>
    public int FirstNumber { get; init; } = 1001;
}
