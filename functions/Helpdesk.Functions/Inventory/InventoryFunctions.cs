using Helpdesk.Core.Inventory;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Inventory;

/// <summary>
/// The inventory's routes: technicians' routes need a function key (x-functions-key); the two heartbeats are anonymous
/// for the platform and check their own key (x-heartbeat-key) in Core.
/// </summary>
public sealed class InventoryFunctions(InventoryHandler api, AssetCsvHandler csv, HeartbeatHandler heartbeats)
{
    [Function("ListAssets")]
    public Task<IResult> ListAssets(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Assets)] HttpRequest request, CancellationToken cancellationToken) =>
        api.ListAsync(request, cancellationToken);

    [Function("CreateAsset")]
    public Task<IResult> CreateAsset(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Assets)] HttpRequest request, CancellationToken cancellationToken) =>
        api.CreateAsync(request, cancellationToken);

    [Function("ImportAssets")]
    public Task<IResult> ImportAssets(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Import)] HttpRequest request, CancellationToken cancellationToken) =>
        csv.ImportAsync(request, cancellationToken);

    [Function("ExportAssets")]
    public Task<IResult> ExportAssets(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Export)] HttpRequest request, CancellationToken cancellationToken) =>
        csv.ExportAsync(request, cancellationToken);

    [Function("GetAsset")]
    public Task<IResult> GetAsset(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Asset)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        api.GetAsync(tag, cancellationToken);

    [Function("UpdateAsset")]
    public Task<IResult> UpdateAsset(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = InventoryRoutes.Asset)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        api.UpdateAsync(request, tag, cancellationToken);

    [Function("RetireAsset")]
    public Task<IResult> RetireAsset(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Retire)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        api.RetireAsync(request, tag, cancellationToken);

    [Function("AddAssetLog")]
    public Task<IResult> AddAssetLog(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Log)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        api.AddLogAsync(request, tag, cancellationToken);

    [Function("AssetBackupHeartbeat")]
    public Task<IResult> BackupHeartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InventoryRoutes.BackupHeartbeat)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        heartbeats.RecordAsync(request, tag, HeartbeatHandler.Backup, cancellationToken);

    [Function("AssetPatchHeartbeat")]
    public Task<IResult> PatchHeartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InventoryRoutes.PatchHeartbeat)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        heartbeats.RecordAsync(request, tag, HeartbeatHandler.Patch, cancellationToken);
}
