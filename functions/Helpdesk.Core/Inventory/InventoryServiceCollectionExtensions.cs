using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Core.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// Inventory: assets in Table Storage (<see cref="AssetStore"/>), the technicians' routes (<see cref="InventoryHandler"/>,
    /// CSV import and export in <see cref="AssetCsvHandler"/>), the heartbeats of backup and update tools
    /// (<see cref="HeartbeatHandler"/>, their own key) and the ticket ↔ asset link (<see cref="AssetTicketLink"/>, a
    /// ticket-events handler).
    /// </summary>
    public static IServiceCollection AddHelpdeskInventory(this IServiceCollection services)
    {
        services.AddValidatedOptions<InventoryOptions, InventoryOptionsValidator>(InventoryOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, AssetStore.AssetsTable, AssetStore.LogTable);
        services.TryAddSingleton<AssetStore>();
        services.TryAddSingleton<AssetImport>();
        services.TryAddSingleton<InventoryHandler>();
        services.TryAddSingleton<AssetCsvHandler>();
        services.TryAddSingleton<HeartbeatHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketEventHandler, AssetTicketLink>());
        return services;
    }
}
