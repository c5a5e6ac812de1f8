using Microsoft.DurableTask;

namespace Helpdesk.Core.Durable;

/// <summary>
/// Deadline helpers for orchestrations. On the Azure Storage backend a timer's queue visibility delay is sent in whole
/// seconds, truncated, so a timer can fire up to ~1 s before its FireAt; re-waiting the exact sub-second remainder
/// then fires at once again (visibility 0) and the orchestration spins through dozens of replays (observed: 40 timer
/// episodes for one 2 s deadline). These helpers pad every timer by one second: the backend computes the delay at
/// send time δ after the orchestration's instant and truncates it, so the message becomes visible after
/// send + ⌊remaining + 1 s − δ⌋ &gt; deadline; and they loop until <c>context.CurrentUtcDateTime &gt;= deadline</c> in case a
/// backend behaves otherwise. Cost: the deadline is observed up to ~1 s late (plus the queue polling interval). Activities that act on a deadline must still re-check
/// it against the stored clock.
/// </summary>
public static class DurableTimers
{
    /// <summary>The timer length to request for <paramref name="remaining"/>: the remainder plus one second.</summary>
    public static TimeSpan PaddedTimerLength(TimeSpan remaining) =>
        remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining + TimeSpan.FromSeconds(1);

    /// <summary>Waits until <paramref name="deadlineUtc"/> has really passed (orchestration time).</summary>
    public static async Task<int> WaitUntilAsync(this TaskOrchestrationContext context, DateTime deadlineUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var waits = 0;
        while (context.CurrentUtcDateTime < deadlineUtc)
        {
            waits++;
            await context.CreateTimer(context.CurrentUtcDateTime + PaddedTimerLength(deadlineUtc - context.CurrentUtcDateTime), ct);
        }

        return waits;
    }

    /// <summary>
    /// Waits for <paramref name="eventName"/> or until <paramref name="deadlineUtc"/> has really passed, whichever first.
    /// Because timers are padded, an event arriving shortly after the deadline (before the padded timer) is still
    /// returned as received: compare <c>context.CurrentUtcDateTime</c> with the deadline if that matters.
    /// </summary>
    public static async Task<DeadlineWait<T>> WaitForEventUntilAsync<T>(this TaskOrchestrationContext context, string eventName, DateTime deadlineUtc)
    {
        ArgumentNullException.ThrowIfNull(context);
        var waits = 0;
        while (context.CurrentUtcDateTime < deadlineUtc)
        {
            waits++;
            try
            {
                var payload = await context.WaitForExternalEvent<T>(eventName, PaddedTimerLength(deadlineUtc - context.CurrentUtcDateTime));
                return new DeadlineWait<T>(true, payload, waits);
            }
            catch (TaskCanceledException)
            {
                // The timer fired; the loop condition decides whether the deadline really passed.
            }
        }

        return new DeadlineWait<T>(false, default, waits);
    }
}
