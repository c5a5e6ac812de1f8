using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>Input of <see cref="SlaOrchestration.RunAsync"/>. <paramref name="Turns"/> counts turns over all generations (ContinueAsNew).</summary>
public sealed record SlaTimerState(int TicketNumber, int Turns = 0, int Generation = 0);

/// <summary>Output when the ticket's clocks have stopped (resolved, closed or not found).</summary>
public sealed record SlaTimerResult(int TicketNumber, string Outcome, int Turns);

public sealed record SlaNextDeadlineInput(int TicketNumber);

/// <summary>Done: nothing more to wait for (Reason says why). Otherwise Deadline is when to evaluate next; null: wait for a change only (clock paused).</summary>
public sealed record SlaNextDeadline(int TicketNumber, bool Done, DateTimeOffset? Deadline, string? Reason = null);

public sealed record SlaEvaluateInput(int TicketNumber);

/// <summary>The dedupe ids of the actions recorded and of the entries whose side effects were completed by this evaluation.</summary>
public sealed record SlaEvaluateResult(int TicketNumber, IReadOnlyList<string> Recorded, IReadOnlyList<string> EffectsDone);

/// <summary>
/// The per-ticket SLA timer, written once as a plain method over <see cref="TaskOrchestrationContext"/>; both hosts
/// register it under <see cref="Name"/> and the two activities under <see cref="NextDeadlineActivity"/> and
/// <see cref="EvaluateActivity"/>. The truth is the clock log in storage: each turn the orchestration asks for the
/// next deadline, waits for it or for a <see cref="ChangedEvent"/>, then has the ticket evaluated (idempotently).
/// </summary>
public static class SlaOrchestration
{
    public const string Name = "SlaTimer";
    public const string NextDeadlineActivity = "SlaNextDeadline";
    public const string EvaluateActivity = "SlaEvaluate";
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
        var idle = false;

        for (var turn = 0; turn < TurnsPerGeneration; turn++)
        {
            var next = await context.CallActivityAsync<SlaNextDeadline>(NextDeadlineActivity, new SlaNextDeadlineInput(number), ActivityOptions);
            if (next.Done)
            {
                logger.LogInformation("SLA timer of ticket {Number} ends: {Reason}.", number, next.Reason);
                return new SlaTimerResult(number, next.Reason ?? "done", input.Turns + turn);
            }

            var deadline = next.Deadline;
            if (idle && deadline is { } due && due <= context.CurrentUtcDateTime)
            {
                deadline = context.CurrentUtcDateTime + IdleRetry;
            }

            var changed = await WaitAsync(context, deadline);
            logger.LogDebug("SLA timer of ticket {Number}: {Cause}; evaluating.", number, changed ? "ticket changed" : "deadline reached");

            var result = await context.CallActivityAsync<SlaEvaluateResult>(EvaluateActivity, new SlaEvaluateInput(number), ActivityOptions);
            idle = result.Recorded.Count == 0 && result.EffectsDone.Count == 0;
            if (result.Recorded.Count > 0)
            {
                logger.LogInformation("SLA of ticket {Number}: recorded {Actions}.", number, string.Join(", ", result.Recorded));
            }
        }

        context.ContinueAsNew(input with { Turns = input.Turns + TurnsPerGeneration, Generation = input.Generation + 1 });
        return new SlaTimerResult(number, "continued", input.Turns + TurnsPerGeneration);
    }

    // Waits until `deadline` or a change event, whichever comes first; true when the event won. A timer may fire
    // early (whole-second queue visibility on Azure Storage): then it waits again for the remainder.
    private static async Task<bool> WaitAsync(TaskOrchestrationContext context, DateTimeOffset? deadline)
    {
        if (deadline is null)
        {
            await context.WaitForExternalEvent<object?>(ChangedEvent);
            return true;
        }

        while (true)
        {
            var remaining = deadline.Value.UtcDateTime - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await context.WaitForExternalEvent<object?>(ChangedEvent, remaining);
                return true;
            }
            catch (TaskCanceledException)
            {
                // The timer fired; loop to check it was not early.
            }
        }
    }
}
