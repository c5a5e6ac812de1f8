namespace Helpdesk.Core.Durable;

/// <summary>Runtime status of an orchestration instance, independent of the Durable SDK in use.</summary>
public enum DurableRuntimeStatus
{
    /// <summary>Scheduled, not yet picked up by a worker.</summary>
    Pending,

    /// <summary>Started and waiting or working.</summary>
    Running,

    /// <summary>Finished with an output.</summary>
    Completed,

    /// <summary>Finished with an unhandled exception.</summary>
    Failed,

    /// <summary>Stopped by <see cref="IOrchestrationClient.TerminateAsync"/>.</summary>
    Terminated,

    /// <summary>Transient: restarting itself with <c>ContinueAsNew</c>.</summary>
    ContinuedAsNew,

    /// <summary>Suspended by an operator.</summary>
    Suspended,
}
