using System.Collections.Concurrent;
using Helpdesk.Core.Durable;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Durable;

public enum PingLevel
{
    Low,
    Urgent,
}

public sealed record PingInput(int TimerSeconds, int ContinueAsNewRounds = 0, int Iteration = 1, bool Unpadded = false);

public sealed record PingPayload(string From, PingLevel Level);

public sealed record PingResult(string Outcome, int Iteration, DateTime ObservedAt, DateTime Deadline, int Waits, PingPayload? Payload);

public sealed record RecordInput(string InstanceId, int Iteration, DateTime ObservedAt, DateTime Deadline);

public sealed record RecordedCall(RecordInput Input, Guid ScopeId);

/// <summary>Test singleton the <c>record</c> activity appends to.</summary>
public sealed class RecordLog
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public IReadOnlyList<RecordedCall> For(string instanceId) => [.. _calls.Where(c => c.Input.InstanceId == instanceId)];

    public int Add(RecordedCall call)
    {
        _calls.Enqueue(call);
        return _calls.Count;
    }
}

/// <summary>Scoped service: proves activities get one DI scope per execution.</summary>
public sealed class ScopeProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>
/// Test orchestration declared through the catalog: wait for event <c>ping</c> or a timer of N seconds, whichever
/// first. On the event, return "pinged". On the timer, call activity <c>record</c>, then either ContinueAsNew (while
/// rounds remain) or return "timer". A timer that fires early (Azure Storage truncates the delay to whole seconds) is
/// not trusted: the orchestration waits again for the remainder until <c>CurrentUtcDateTime &gt;= deadline</c>, with
/// Core's padded <see cref="DurableTimers.WaitForEventUntilAsync{T}"/> (or, with <see cref="PingInput.Unpadded"/>,
/// the naive exact-remainder loop, kept to measure the difference).
/// </summary>
public static class PingOrchestration
{
    public const string Name = "test-ping";
    public const string RecordActivity = "record";
    public const string PingEvent = "ping";

    public static void Register(DurableCatalog catalog) => catalog
        .AddOrchestration<PingInput, PingResult>(Name, RunAsync)
        .AddActivity<RecordInput, int>(RecordActivity, (services, input, _) =>
            Task.FromResult(services.GetRequiredService<RecordLog>().Add(new RecordedCall(input, services.GetRequiredService<ScopeProbe>().Id))));

    public static IServiceCollection AddPingServices(this IServiceCollection services, RecordLog log) => services
        .AddSingleton(log)
        .AddScoped<ScopeProbe>()
        .AddDurableCatalog(Register);

    public static async Task<PingResult> RunAsync(TaskOrchestrationContext context, PingInput input)
    {
        var deadline = context.CurrentUtcDateTime.AddSeconds(input.TimerSeconds);
        int waits;
        if (input.Unpadded)
        {
            // The naive shape: re-wait the exact remainder. Correct, but spins on Azure Storage (see DurableTimers).
            waits = 0;
            while (context.CurrentUtcDateTime < deadline)
            {
                waits++;
                try
                {
                    var payload = await context.WaitForExternalEvent<PingPayload>(PingEvent, deadline - context.CurrentUtcDateTime);
                    return new PingResult("pinged", input.Iteration, context.CurrentUtcDateTime, deadline, waits, payload);
                }
                catch (TaskCanceledException)
                {
                    // Fired (maybe early): the loop condition re-checks the deadline.
                }
            }
        }
        else
        {
            var wait = await context.WaitForEventUntilAsync<PingPayload>(PingEvent, deadline);
            waits = wait.Waits;
            if (wait.Received)
            {
                return new PingResult("pinged", input.Iteration, context.CurrentUtcDateTime, deadline, waits, wait.Payload);
            }
        }

        var observedAt = context.CurrentUtcDateTime;
        await context.CallActivityAsync<int>(RecordActivity, new RecordInput(context.InstanceId, input.Iteration, observedAt, deadline));
        if (input.ContinueAsNewRounds > 0)
        {
            context.ContinueAsNew(input with { ContinueAsNewRounds = input.ContinueAsNewRounds - 1, Iteration = input.Iteration + 1 });
            return new PingResult("continued", input.Iteration, observedAt, deadline, waits, null);
        }

        return new PingResult("timer", input.Iteration, observedAt, deadline, waits, null);
    }
}
