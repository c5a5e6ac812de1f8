using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Operations for admins: every poison queue's messages and their replay (<see cref="PoisonMessages"/>, API
    /// <see cref="OperationsRoutes"/>, page in the console), and the SLA reconciler's last run (<see cref="ReconcileRuns"/>).
    /// </summary>
    public static IServiceCollection AddHelpdeskOperations(this IServiceCollection services)
    {
        services.AddStorageResources(StorageResourceKind.Table, ReconcileRuns.TableName);
        services.TryAddSingleton<PoisonMessages>();
        services.TryAddSingleton<ReconcileRuns>();
        services.TryAddSingleton<OperationsHandler>();
        return services;
    }
}
