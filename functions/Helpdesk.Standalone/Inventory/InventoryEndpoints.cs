using Helpdesk.Core.Inventory;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;

namespace Helpdesk.Standalone.Inventory;

/// <summary>
/// The inventory's routes: the twins of the Functions app's <c>InventoryFunctions</c>. Technicians' routes behind the
/// API key; the heartbeats check their own key in Core.
/// </summary>
public static class InventoryEndpoints
{
    public static IEndpointRouteBuilder MapHelpdeskInventory(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(InventoryRoutes.Assets, (HttpRequest request, InventoryHandler handler, CancellationToken ct) => handler.ListAsync(request, ct));
        technicians.MapPost(InventoryRoutes.Assets, (HttpRequest request, InventoryHandler handler, CancellationToken ct) => handler.CreateAsync(request, ct));
        technicians.MapPost(InventoryRoutes.Import, (HttpRequest request, AssetCsvHandler handler, CancellationToken ct) => handler.ImportAsync(request, ct));
        technicians.MapGet(InventoryRoutes.Export, (HttpRequest request, AssetCsvHandler handler, CancellationToken ct) => handler.ExportAsync(request, ct));
        technicians.MapGet(InventoryRoutes.Asset, (string tag, InventoryHandler handler, CancellationToken ct) => handler.GetAsync(tag, ct));
        technicians.MapPut(InventoryRoutes.Asset,
            (HttpRequest request, string tag, InventoryHandler handler, CancellationToken ct) => handler.UpdateAsync(request, tag, ct));
        technicians.MapPost(InventoryRoutes.Retire,
            (HttpRequest request, string tag, InventoryHandler handler, CancellationToken ct) => handler.RetireAsync(request, tag, ct));
        technicians.MapPost(InventoryRoutes.Log,
            (HttpRequest request, string tag, InventoryHandler handler, CancellationToken ct) => handler.AddLogAsync(request, tag, ct));

        var tools = app.MapGroup("/" + ApiRoutes.Prefix);
        tools.MapPost(InventoryRoutes.BackupHeartbeat,
            (HttpRequest request, string tag, HeartbeatHandler handler, CancellationToken ct) => handler.RecordAsync(request, tag, HeartbeatHandler.Backup, ct));
        tools.MapPost(InventoryRoutes.PatchHeartbeat,
            (HttpRequest request, string tag, HeartbeatHandler handler, CancellationToken ct) => handler.RecordAsync(request, tag, HeartbeatHandler.Patch, ct));
        return app;
    }
}
