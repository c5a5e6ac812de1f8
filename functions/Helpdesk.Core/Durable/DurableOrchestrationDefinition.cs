using Microsoft.DurableTask;

namespace Helpdesk.Core.Durable;

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
