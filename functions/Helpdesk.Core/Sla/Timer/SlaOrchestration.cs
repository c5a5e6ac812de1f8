using System.Globalization;
using Helpdesk.Core.Durable;
using Microsoft.DurableTask;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The per-ticket SLA timer, written once as a plain method over <see cref="TaskOrchestrationContext"/>; both hosts
/// register it under <see cref="Name"/> and its one activity under <see cref="StepActivity"/>. The truth is the clock
/// log in storage: each turn one activity evaluates the ticket now (idempotently) and says when to look again; the
/// orchestration waits for that deadline or a <see cref="ChangedEvent"/>. One activity per turn, not two: on the Azure
/// Storage backend every activity costs an orchestration step, queue messages and a history write.
/// </summary>
public static class SlaOrchestration
{
    public const string Name = "SlaTimer";
    public const string StepActivity = "SlaStep";
    public const string ChangedEvent = "ticket-changed";

    /// <summary>Turns per generation before ContinueAsNew (keeps the history short).</summary>
    public const int TurnsPerGeneration = 10;

    /// <summary>After an evaluation that found nothing, a deadline already past is retried after this pause (no busy loop on clock skew).</summary>
    public static readonly TimeSpan IdleRetry = TimeSpan.FromSeconds(1);

    public static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2));

    public static string InstanceId(int number) => string.Create(CultureInfo.InvariantCulture, $"sla-{number:D10}");

    public static async Task<SlaTimerResult> RunAsync(TaskOrchestrationContext context, SlaTimerState input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(SlaOrchestration).FullName!);
        var number = input.TicketNumber;

        // Started on creation with the first deadline known: no turn until it falls or the ticket changes (a turn now
        // would only read the log to find nothing due: one activity, its queue messages and two episodes saved).
        if (input.FirstLook is { } firstLook && input.Turns == 0)
        {
            var changedFirst = await WaitAsync(context, firstLook);
            SlaLog.TimerWoke(logger, number, changedFirst ? "ticket changed" : "deadline reached");
        }

        for (var turn = 0; turn < TurnsPerGeneration; turn++)
        {
            var step = await context.CallActivityAsync<SlaStepResult>(StepActivity, new SlaStepInput(number), ActivityOptions);
            if (step.Evaluation.Recorded.Count > 0)
            {
                SlaLog.ActionsRecorded(logger, number, string.Join(", ", step.Evaluation.Recorded));
            }

            if (step.Next.Done)
            {
                SlaLog.TimerEnded(logger, number, step.Next.Reason);
                return new SlaTimerResult(number, step.Next.Reason ?? "done", input.Turns + turn);
            }

            var deadline = step.Next.Deadline;
            if (step.Idle && deadline is { } due && due <= context.CurrentUtcDateTime)
            {
                deadline = context.CurrentUtcDateTime + IdleRetry;
            }

            var changed = await WaitAsync(context, deadline);
            SlaLog.TimerWoke(logger, number, changed ? "ticket changed" : "deadline reached");
        }

        context.ContinueAsNew(input with { Turns = input.Turns + TurnsPerGeneration, Generation = input.Generation + 1, FirstLook = null });
        return new SlaTimerResult(number, "continued", input.Turns + TurnsPerGeneration);
    }

    // Waits until `deadline` or a change event, whichever comes first; true when the event won. Timers on Azure
    // Storage fire up to a second early (whole-second queue visibility, truncated), and a re-wait of the exact
    // sub-second remainder is truncated to zero and spins: DurableTimers pads each timer so one timer suffices.
    private static async Task<bool> WaitAsync(TaskOrchestrationContext context, DateTimeOffset? deadline)
    {
        if (deadline is null)
        {
            await context.WaitForExternalEvent<object?>(ChangedEvent);
            return true;
        }

        var wait = await context.WaitForEventUntilAsync<object?>(ChangedEvent, deadline.Value.UtcDateTime);
        return wait.Received;
    }
}
