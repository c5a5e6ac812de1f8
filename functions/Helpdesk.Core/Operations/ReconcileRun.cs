namespace Helpdesk.Core.Operations;

/// <summary>
/// The SLA reconciler's last run (<see cref="Sla.SlaReconciler"/>): when it ran, what it found, and whether it finished.
/// </summary>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished or failed (UTC).</param>
/// <param name="Open">Open tickets it looked at.</param>
/// <param name="Started">SLA timers it started (tickets that had none running).</param>
/// <param name="LogsRecreated">Clock logs it recreated from the ticket.</param>
/// <param name="Stopped">Timers it ended for tickets resolved or closed.</param>
/// <param name="Error">Null when it finished; else the exception type it failed with (the message is in the host's log).</param>
public sealed record ReconcileRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Open,
    int Started,
    int LogsRecreated,
    int Stopped,
    string? Error)
{
    public bool Succeeded => Error is null;
}
