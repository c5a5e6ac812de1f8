using Microsoft.DurableTask;

namespace Helpdesk.Core.Durable;

/// <summary>
/// Registers a <see cref="DurableCatalog"/> into a durabletask-dotnet <see cref="DurableTaskRegistry"/>, e.g. for
/// in-memory orchestration tests with <c>DurableTaskTestHost.StartAsync(registry =&gt; registry.AddCatalog(catalog, services))</c>.
/// </summary>
public static class DurableTaskRegistryExtensions
{
    /// <summary>
    /// Adds every catalog orchestration (<c>AddOrchestratorFunc</c>) and activity (<c>AddActivityFunc</c>); each activity
    /// execution runs in a new DI scope of <paramref name="rootServices"/>.
    /// </summary>
    public static DurableTaskRegistry AddCatalog(this DurableTaskRegistry registry, DurableCatalog catalog, IServiceProvider rootServices)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rootServices);
        catalog.Accept(new RegistryVisitor(registry, rootServices));
        return registry;
    }

    private sealed class RegistryVisitor(DurableTaskRegistry registry, IServiceProvider rootServices) : IDurableCatalogVisitor
    {
        public void VisitOrchestration<TIn, TOut>(DurableOrchestrationDefinition<TIn, TOut> orchestration) =>
            registry.AddOrchestratorFunc<TIn, TOut>(orchestration.Name, (context, input) => orchestration.Run(context, input));

        public void VisitActivity<TIn, TOut>(DurableActivityDefinition<TIn, TOut> activity) =>
            registry.AddActivityFunc<TIn, TOut>(activity.Name, (_, input) => activity.RunInNewScopeAsync(rootServices, input, CancellationToken.None));
    }
}
