namespace Helpdesk.Standalone.Schedules;

/// <summary>A scheduled job: the same NCrontab expression (6 fields, with seconds) as the Functions timer trigger.</summary>
public sealed record CronJob(string Name, string Schedule, bool RunOnStartup, Func<IServiceProvider, CancellationToken, Task> Run);
