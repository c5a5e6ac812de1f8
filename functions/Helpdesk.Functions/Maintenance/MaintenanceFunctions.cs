using Helpdesk.Core.Maintenance;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Helpdesk.Functions.Technicians;

namespace Helpdesk.Functions.Maintenance;

/// <summary>
/// Maintenance: the scan on its timer (same name and schedule as the standalone cron job; a failed scan throws, so the
/// platform logs it, and the next hourly scan retries) and the technicians' view of the runs (function key; the caller
/// established by <see cref="TechnicianAccess"/>, so a person signed in through Easy Auth but not on the roster is refused).
/// </summary>
public sealed class MaintenanceFunctions(MaintenanceScanner scanner, MaintenanceHandler api, TechnicianAccess access)
{
    [Function(MaintenanceSchedules.ScanName)]
    public Task Scan([TimerTrigger(MaintenanceSchedules.Scan, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        scanner.RunAsync(cancellationToken);

    [Function("MaintenanceRuns")]
    public async Task<IResult> Runs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = MaintenanceRoutes.Runs)] HttpRequest request, CancellationToken cancellationToken) =>
        await access.RefuseAsync(request, cancellationToken) ?? await api.RunsAsync(request, cancellationToken);
}
