namespace Helpdesk.Core;

/// <summary>
/// Every route, queue and schedule of the product, defined once. Both hosts (Azure Functions and the
/// standalone host) bind to these names, and the parity test compares them.
/// </summary>
public static class HelpdeskRoutes
{
    /// <summary>Prefix that both hosts put before every route (the Functions default).</summary>
    public const string Prefix = "api";

    public const string Form = "form";
    public const string Tickets = "tickets";
    public const string Ticket = "tickets/{number:int}";
    public const string TicketAction = "tickets/{number:int}/{action:alpha}";
    public const string LevelQueue = "queues/{level}";
}

public static class HelpdeskQueues
{
    /// <summary>Lifecycle events of tickets (created, acknowledged, escalated...), consumed by notification and SLA handlers.</summary>
    public const string TicketEvents = "ticket-events";

    /// <summary>SLA notifications to level groups, delayed (visibility timeout) to the recipients' working hours.</summary>
    public const string Notifications = "notifications";

    /// <summary>Messages that failed <see cref="MaxDequeueCount"/> times land here, as in the Functions queue trigger.</summary>
    public static string Poison(string queue) => queue + "-poison";

    /// <summary>Attempts before a message goes to the poison queue (host.json <c>extensions.queues.maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>How long a failed message stays invisible before its retry (host.json <c>extensions.queues.visibilityTimeout</c>).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>How long a message being processed stays hidden from other consumers (the Functions host's lease).</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(1);
}

/// <summary>Timer-trigger schedules (NCrontab, 6 fields with seconds, as the Functions timer trigger reads them).</summary>
public static class HelpdeskSchedules
{
    /// <summary>Daily SLA self-healing (<c>SlaReconciler</c>) at 03:00 (host time zone, UTC by default).</summary>
    public const string SlaReconcile = "0 0 3 * * *";
}
