namespace Helpdesk.Standalone.Durable;

/// <summary>
/// Settings of the standalone durable engine. Bound from <c>Helpdesk:Durable</c>. The task hub's storage is the
/// connection named <see cref="ConnectionName"/> (the Functions app's <c>host.json</c> names the same one), else
/// <c>Helpdesk:Durable:StorageConnectionString</c>, else the ticket store's <c>Helpdesk:Storage:ConnectionString</c>
/// (one account: supported, for a small tenant).
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Helpdesk:Durable";

    /// <summary>
    /// The configuration key of the task hub's own storage connection, the same name as
    /// <c>extensions.durableTask.storageProvider.connectionName</c> in host.json: the SLA engine's queue polls and
    /// history writes then never queue in front of a requester's form post on the ticket store's account.
    /// </summary>
    public const string ConnectionName = "DurableStorage";

    /// <summary>
    /// Run the durable worker in this process (default true). False: the task hub is created and the orchestration
    /// client works (a created ticket's SLA timer is queued in the task hub), but no orchestration or activity executes
    /// here until a host with the engine on serves the hub. For an intake-only instance beside one that runs the engine,
    /// and for the intake benchmark's "without the SLA engine" leg. Not for a tenant's only instance: nothing would escalate.
    /// </summary>
    public bool RunEngine { get; set; } = true;

    /// <summary>Task hub name: letters and digits, starting with a letter, 3–45 characters. Default <c>helpdesk</c>.</summary>
    public string HubName { get; set; } = "helpdesk";

    /// <summary>Azure Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c> or explicit endpoints).</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// Upper bound of the idle back-off when polling control and work-item queues: the worst-case latency of a timer
    /// or an event when idle. DTFx default is 30 s; we use 1 s.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Number of control-queue partitions (1–16), fixed for the life of a task hub. One: a tenant's SLA engine runs a
    /// few orchestrations a minute, and each partition is a queue polled every second when idle (measured: 4 partitions
    /// 11.5 requests/s idle, 1 partition 5.6/s; a 200-ticket burst still completed with nothing missed, docs/performance.md).
    /// More partitions only help when several workers share a large hub.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>Worker id used for partition ownership; defaults to the machine name.</summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// How long a partition lease lives without renewal; after a crash the partitions of the dead worker are taken over
    /// once it expires. A graceful stop releases them at once.
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Take the task-hub-wide "app lease" so that only one app processes the hub (blue/green safety). Default false:
    /// the standalone host is a single app, and the app lease adds start-up delay after a restart.
    /// </summary>
    public bool UseAppLease { get; set; }

    /// <summary>Concurrent activity executions per worker.</summary>
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>Concurrent orchestration work items per worker.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// Keep an orchestration's history in memory between its episodes (DTFx extended sessions, also
    /// <c>extendedSessionsEnabled</c> in host.json), so that the next event or timer does not read the history table
    /// again. At most half of <see cref="MaxConcurrentOrchestrations"/> instances sit in a session at once.
    /// </summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>How long an idle session stays in memory (host.json <c>extendedSessionIdleTimeoutInSeconds</c>).</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
