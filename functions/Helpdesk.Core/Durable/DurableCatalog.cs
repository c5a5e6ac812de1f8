using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>Receives catalog entries with their static input and output types.</summary>
public interface IDurableCatalogVisitor
{
    /// <summary>Called once per orchestration.</summary>
    void VisitOrchestration<TIn, TOut>(DurableOrchestrationDefinition<TIn, TOut> orchestration);

    /// <summary>Called once per activity.</summary>
    void VisitActivity<TIn, TOut>(DurableActivityDefinition<TIn, TOut> activity);
}

/// <summary>An orchestration declared in a <see cref="DurableCatalog"/>.</summary>
public abstract class DurableOrchestrationDefinition
{
    private protected DurableOrchestrationDefinition(string name) => Name = name;

    /// <summary>The orchestration name (shared by both hosts and by clients).</summary>
    public string Name { get; }

    /// <summary>Input type.</summary>
    public abstract Type InputType { get; }

    /// <summary>Output type.</summary>
    public abstract Type OutputType { get; }

    /// <summary>Double dispatch to <see cref="IDurableCatalogVisitor.VisitOrchestration{TIn,TOut}"/>.</summary>
    public abstract void Accept(IDurableCatalogVisitor visitor);
}

/// <summary>A typed orchestration.</summary>
public sealed class DurableOrchestrationDefinition<TIn, TOut> : DurableOrchestrationDefinition
{
    internal DurableOrchestrationDefinition(string name, Func<TaskOrchestrationContext, TIn, Task<TOut>> run)
        : base(name) => Run = run;

    /// <summary>The orchestration body.</summary>
    public Func<TaskOrchestrationContext, TIn, Task<TOut>> Run { get; }

    /// <inheritdoc/>
    public override Type InputType => typeof(TIn);

    /// <inheritdoc/>
    public override Type OutputType => typeof(TOut);

    /// <inheritdoc/>
    public override void Accept(IDurableCatalogVisitor visitor) => visitor.VisitOrchestration(this);
}

/// <summary>An activity declared in a <see cref="DurableCatalog"/>.</summary>
public abstract class DurableActivityDefinition
{
    private protected DurableActivityDefinition(string name) => Name = name;

    /// <summary>The activity name.</summary>
    public string Name { get; }

    /// <summary>Input type.</summary>
    public abstract Type InputType { get; }

    /// <summary>Output type.</summary>
    public abstract Type OutputType { get; }

    /// <summary>Double dispatch to <see cref="IDurableCatalogVisitor.VisitActivity{TIn,TOut}"/>.</summary>
    public abstract void Accept(IDurableCatalogVisitor visitor);
}

/// <summary>A typed activity.</summary>
public sealed class DurableActivityDefinition<TIn, TOut> : DurableActivityDefinition
{
    internal DurableActivityDefinition(string name, Func<IServiceProvider, TIn, CancellationToken, Task<TOut>> run)
        : base(name) => Run = run;

    /// <summary>The activity body; the provider passed in must already be scoped to the execution.</summary>
    public Func<IServiceProvider, TIn, CancellationToken, Task<TOut>> Run { get; }

    /// <inheritdoc/>
    public override Type InputType => typeof(TIn);

    /// <inheritdoc/>
    public override Type OutputType => typeof(TOut);

    /// <inheritdoc/>
    public override void Accept(IDurableCatalogVisitor visitor) => visitor.VisitActivity(this);

    /// <summary>Runs the activity in a fresh DI scope created from <paramref name="rootServices"/>.</summary>
    public async Task<TOut> RunInNewScopeAsync(IServiceProvider rootServices, TIn input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rootServices);
        await using var scope = rootServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await Run(scope.ServiceProvider, input, ct);
    }
}
