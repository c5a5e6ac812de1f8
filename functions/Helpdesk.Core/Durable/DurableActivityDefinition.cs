using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Core.Durable;

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
