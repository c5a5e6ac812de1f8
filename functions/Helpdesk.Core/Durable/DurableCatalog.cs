using Microsoft.DurableTask;

namespace Helpdesk.Core.Durable;

/// <summary>
/// Declares, once, every orchestration and activity Core provides. Each host walks the catalog
/// (<see cref="Accept"/>) and registers the entries with its own engine:
/// <list type="bullet">
/// <item>Standalone: <c>DurableEngine</c> wraps each entry with <c>DurableTaskShimFactory</c> on a DTFx <c>TaskHubWorker</c>.</item>
/// <item>Functions: one thin function-based <c>[OrchestrationTrigger]</c> / <c>[ActivityTrigger]</c> wrapper per entry
/// calling <see cref="RunOrchestrationAsync{TIn,TOut}"/> / <see cref="RunActivityAsync{TIn,TOut}"/>.</item>
/// <item>In-memory tests: <see cref="DurableTaskRegistryExtensions.AddCatalog"/> on a <see cref="DurableTaskRegistry"/>.</item>
/// </list>
/// Orchestrations are plain methods over <see cref="TaskOrchestrationContext"/> and must follow the orchestrator code
/// constraints (deterministic, no I/O, <c>context.CurrentUtcDateTime</c> instead of the clock). Activities get a
/// service provider scoped to the single execution and resolve Core services from it.
/// </summary>
public sealed class DurableCatalog
{
    private readonly Dictionary<string, DurableOrchestrationDefinition> _orchestrations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DurableActivityDefinition> _activities = new(StringComparer.Ordinal);

    /// <summary>All orchestrations, in registration order is not guaranteed.</summary>
    public IReadOnlyCollection<DurableOrchestrationDefinition> Orchestrations => _orchestrations.Values;

    /// <summary>All activities.</summary>
    public IReadOnlyCollection<DurableActivityDefinition> Activities => _activities.Values;

    /// <summary>Declares an orchestration. Names are unique across the catalog (ordinal).</summary>
    public DurableCatalog AddOrchestration<TIn, TOut>(string name, Func<TaskOrchestrationContext, TIn, Task<TOut>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (!_orchestrations.TryAdd(name, new DurableOrchestrationDefinition<TIn, TOut>(name, run)))
        {
            throw new InvalidOperationException($"Orchestration '{name}' is already declared.");
        }

        return this;
    }

    /// <summary>
    /// Declares an activity. <paramref name="run"/> receives a service provider scoped to this execution, the input
    /// and a cancellation token (host shutdown / function invocation token; <see cref="CancellationToken.None"/> on the
    /// standalone engine, which lets in-flight activities finish on graceful stop).
    /// </summary>
    public DurableCatalog AddActivity<TIn, TOut>(string name, Func<IServiceProvider, TIn, CancellationToken, Task<TOut>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (!_activities.TryAdd(name, new DurableActivityDefinition<TIn, TOut>(name, run)))
        {
            throw new InvalidOperationException($"Activity '{name}' is already declared.");
        }

        return this;
    }

    /// <summary>Looks up an orchestration by name.</summary>
    public DurableOrchestrationDefinition GetOrchestration(string name) =>
        _orchestrations.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"Orchestration '{name}' is not declared.");

    /// <summary>Looks up an activity by name.</summary>
    public DurableActivityDefinition GetActivity(string name) =>
        _activities.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"Activity '{name}' is not declared.");

    /// <summary>Visits every orchestration then every activity with their static types.</summary>
    public void Accept(IDurableCatalogVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        foreach (var o in _orchestrations.Values)
        {
            o.Accept(visitor);
        }

        foreach (var a in _activities.Values)
        {
            a.Accept(visitor);
        }
    }

    /// <summary>
    /// Runs a declared orchestration on <paramref name="context"/>, reading its input from the context.
    /// For Functions wrappers: <c>[Function(Name)] public Task&lt;TOut&gt; Run([OrchestrationTrigger] TaskOrchestrationContext ctx) =&gt; catalog.RunOrchestrationAsync&lt;TIn, TOut&gt;(Name, ctx);</c>
    /// </summary>
    public Task<TOut> RunOrchestrationAsync<TIn, TOut>(string name, TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = Typed<DurableOrchestrationDefinition<TIn, TOut>>(GetOrchestration(name), name);
        return definition.Run(context, context.GetInput<TIn>()!);
    }

    /// <summary>
    /// Runs a declared activity with an already scoped service provider (in Functions: <c>FunctionContext.InstanceServices</c>).
    /// </summary>
    public Task<TOut> RunActivityAsync<TIn, TOut>(string name, IServiceProvider scopedServices, TIn input, CancellationToken ct)
    {
        var definition = Typed<DurableActivityDefinition<TIn, TOut>>(GetActivity(name), name);
        return definition.Run(scopedServices, input, ct);
    }

    private static T Typed<T>(object definition, string name) where T : class =>
        definition as T ?? throw new InvalidOperationException($"'{name}' is declared with other input/output types than {typeof(T).Name} expects.");
}
