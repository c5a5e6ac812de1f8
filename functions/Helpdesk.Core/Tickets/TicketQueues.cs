namespace Helpdesk.Core.Tickets;

/// <summary>Queues of the ticket feature.</summary>
public static class TicketQueues
{
    /// <summary>Lifecycle events of tickets (created, acknowledged, escalated...), consumed by notification and SLA handlers.</summary>
    public const string Events = "ticket-events";
}
