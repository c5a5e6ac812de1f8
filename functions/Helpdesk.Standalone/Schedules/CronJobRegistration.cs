namespace Helpdesk.Standalone.Schedules;

public static class CronJobRegistration
{
    /// <summary>Adds a job to the one <see cref="CronJobService"/> of the host (registered with the first job).</summary>
    public static IServiceCollection AddCronJob(this IServiceCollection services, CronJob job)
    {
        services.AddSingleton(job);
        if (!services.Any(d => d.ServiceType == typeof(CronJobService)))
        {
            services.AddSingleton<CronJobService>();
            services.AddHostedService(sp => sp.GetRequiredService<CronJobService>());
        }

        return services;
    }
}
