namespace Helpdesk.Standalone.Durable;

/// <summary>
/// Settings of the standalone durable engine. Bound from <c>Helpdesk:Durable</c>; the storage connection string comes
/// from <c>Helpdesk:Storage:ConnectionString</c>.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Helpdesk:Durable";

    /// <summary>Task hub name: letters and digits, starting with a letter, 3–45 characters. Default <c>helpdesk</c>.</summary>
    public string HubName { get; set; } = "helpdesk";

    /// <summary>Azure Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c> or explicit endpoints).</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// Upper bound of the idle back-off when polling control and work-item queues: the worst-case latency of a timer
    /// or an event when idle. DTFx default is 30 s; we use 1 s.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Number of control-queue partitions (1–16). Fixed for the life of a task hub.</summary>
    public int PartitionCount { get; set; } = 4;

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
}
