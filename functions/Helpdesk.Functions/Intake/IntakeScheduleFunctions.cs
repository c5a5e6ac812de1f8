using Helpdesk.Core.Intake;
using Microsoft.Azure.Functions.Worker;

namespace Helpdesk.Functions.Intake;

/// <summary>Intake's schedule: the daily sweep of orphan attachments. Same name and schedule as the standalone cron job.</summary>
public sealed class IntakeScheduleFunctions(AttachmentSweeper sweeper)
{
    [Function(IntakeSchedules.AttachmentSweepName)]
    public Task SweepAttachments([TimerTrigger(IntakeSchedules.AttachmentSweep, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.RunAsync(cancellationToken);
}
