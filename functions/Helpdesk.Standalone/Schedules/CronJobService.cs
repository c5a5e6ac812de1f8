using Helpdesk.Standalone.Hosting;
using NCrontab;

namespace Helpdesk.Standalone.Schedules;

/// <summary>
/// The standalone twin of the Functions timer triggers: runs each job at its next occurrence (UTC, as the Functions
/// host does by default), and once at start-up when asked. A failing run is logged and the schedule goes on.
/// </summary>
public sealed class CronJobService(IEnumerable<CronJob> jobs, IServiceProvider services, TimeProvider time, ILogger<CronJobService> logger)
    : BackgroundService
{
    public IReadOnlyList<CronJob> Jobs { get; } = [.. jobs];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Jobs.Select(job => RunScheduleAsync(job, stoppingToken)));

    private async Task RunScheduleAsync(CronJob job, CancellationToken ct)
    {
        var schedule = CrontabSchedule.Parse(job.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (job.RunOnStartup)
        {
            await RunOnceAsync(job, ct);
        }

        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(job, ct);
        }
    }

    private async Task RunOnceAsync(CronJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await job.Run(scope.ServiceProvider, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            HostLog.ScheduledJobFailed(logger, ex, job.Name);
        }
    }
}
