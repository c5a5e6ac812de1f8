using Helpdesk.Core.Inventory;
using Helpdesk.Functions.Technicians;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Inventory;

/// <summary>
/// The inventory's routes: technicians' routes need a function key (x-functions-key) and the caller is established by <see cref="TechnicianAccess"/>; the two heartbeats are anonymous
/// for the platform and check their own key (x-heartbeat-key) in Core.
/// </summary>
public sealed class InventoryFunctions(InventoryHandler api, AssetCsvHandler csv, HeartbeatHandler heartbeats, TechnicianAccess access)
{
    [Function("ListAssets")]
    public async Task<IResult> ListAssets(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Assets)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.ListAsync(request, cancellationToken);

    [Function("CreateAsset")]
    public async Task<IResult> CreateAsset(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Assets)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.CreateAsync(request, cancellationToken);

    [Function("ImportAssets")]
    public async Task<IResult> ImportAssets(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Import)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await csv.ImportAsync(request, cancellationToken);

    [Function("ExportAssets")]
    public async Task<IResult> ExportAssets(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Export)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await csv.ExportAsync(request, cancellationToken);

    [Function("GetAsset")]
    public async Task<IResult> GetAsset(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = InventoryRoutes.Asset)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.GetAsync(tag, cancellationToken);

    [Function("UpdateAsset")]
    public async Task<IResult> UpdateAsset(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = InventoryRoutes.Asset)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.UpdateAsync(request, tag, cancellationToken);

    [Function("RetireAsset")]
    public async Task<IResult> RetireAsset(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Retire)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.RetireAsync(request, tag, cancellationToken);

    [Function("AddAssetLog")]
    public async Task<IResult> AddAssetLog(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = InventoryRoutes.Log)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.AddLogAsync(request, tag, cancellationToken);

    [Function("AssetBackupHeartbeat")]
    public Task<IResult> BackupHeartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InventoryRoutes.BackupHeartbeat)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        heartbeats.RecordAsync(request, tag, HeartbeatHandler.Backup, cancellationToken);

    [Function("AssetPatchHeartbeat")]
    public Task<IResult> PatchHeartbeat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InventoryRoutes.PatchHeartbeat)] HttpRequest request, string tag, CancellationToken cancellationToken) =>
        heartbeats.RecordAsync(request, tag, HeartbeatHandler.Patch, cancellationToken);
}
