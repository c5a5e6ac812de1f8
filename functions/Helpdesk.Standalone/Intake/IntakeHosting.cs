using Helpdesk.Core.Intake;
using Helpdesk.Standalone.Schedules;

namespace Helpdesk.Standalone.Intake;

/// <summary>Intake's schedule on this host: the twin of the Functions app's <c>IntakeScheduleFunctions</c>.</summary>
public static class IntakeHosting
{
    /// <summary>The daily sweep of orphan attachments (<see cref="AttachmentSweeper"/>).</summary>
    public static IServiceCollection AddHelpdeskIntakeSchedules(this IServiceCollection services)
    {
        services.AddCronJob(new CronJob(IntakeSchedules.AttachmentSweepName, IntakeSchedules.AttachmentSweep, RunOnStartup: false,
            (sp, ct) => sp.GetRequiredService<AttachmentSweeper>().RunAsync(ct)));
        return services;
    }
}
