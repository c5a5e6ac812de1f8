using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Maintenance reminders: the rules (<see cref="MaintenanceRules"/>, OS lifecycle catalog shipped in
    /// <c>OsLifecycle.json</c>), the scan (<see cref="MaintenanceScanner"/>, scheduled by each host on
    /// <see cref="MaintenanceSchedules.Scan"/>), claims and run records in Table Storage, and the runs route.
    /// Needs Inventory (assets), Intake (tickets) and Notifications (mail).
    /// </summary>
    public static IServiceCollection AddHelpdeskMaintenance(this IServiceCollection services)
    {
        services.AddValidatedOptions<MaintenanceOptions, MaintenanceOptionsValidator>(MaintenanceOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, MaintenanceClaimStore.TableName, MaintenanceRunStore.TableName);
        services.TryAddSingleton<MaintenanceClaimStore>();
        services.TryAddSingleton<MaintenanceRunStore>();
        services.TryAddSingleton<MaintenanceScanner>();
        services.TryAddSingleton<MaintenanceHandler>();
        return services;
    }
}
