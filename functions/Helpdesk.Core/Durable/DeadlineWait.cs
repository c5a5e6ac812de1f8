
namespace Helpdesk.Core.Durable;

/// <summary>Result of <see cref="DurableTimers.WaitForEventUntilAsync{T}"/>.</summary>
/// <param name="Received">True if the event arrived before the timer.</param>
/// <param name="Payload">The event payload when received.</param>
/// <param name="Waits">How many durable timers were created (1 normally; more when a timer fired early).</param>
public readonly record struct DeadlineWait<T>(bool Received, T? Payload, int Waits);
