using Helpdesk.Core.Maintenance;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Hosting;
using Helpdesk.Standalone.Schedules;

namespace Helpdesk.Standalone.Maintenance;

/// <summary>Maintenance on this host: the twin of the Functions app's <c>MaintenanceFunctions</c> (cron job and runs route).</summary>
public static class MaintenanceHosting
{
    public static IServiceCollection AddHelpdeskMaintenanceSchedules(this IServiceCollection services)
    {
        services.AddCronJob(new CronJob(MaintenanceSchedules.ScanName, MaintenanceSchedules.Scan, RunOnStartup: false,
            (sp, ct) => sp.GetRequiredService<MaintenanceScanner>().RunAsync(ct)));
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskMaintenance(this IEndpointRouteBuilder app)
    {
        var technicians = app.MapGroup("/" + ApiRoutes.Prefix).AddEndpointFilter<ApiKeyFilter>();
        technicians.MapGet(MaintenanceRoutes.Runs, (HttpRequest request, MaintenanceHandler handler, CancellationToken ct) => handler.RunsAsync(request, ct));
        return app;
    }
}
