namespace Helpdesk.Core.Sla;

/// <summary>Queues of the SLA feature.</summary>
public static class SlaQueues
{
    /// <summary>SLA notifications to level groups, delayed (visibility timeout) to the recipients' working hours.</summary>
    public const string Notifications = "notifications";
}
