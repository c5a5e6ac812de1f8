using Helpdesk.Core.Intake;
using Helpdesk.Core.Storage;
using Helpdesk.Functions.Intake;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Schedules;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>Both hosts run the same sweep: the Functions timer function and the standalone cron job remove an old orphan.</summary>
public class AttachmentSweepHostingTests
{
    [Fact]
    public async Task FunctionsTimer_RunsTheSweep()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var core = await CoreServices.StartAsync(s => s.AddSingleton<TimeProvider>(clock));
        var container = core.Get<StorageClients>().Container(StorageClients.AttachmentsContainer);
        await container.UploadBlobAsync("orphan/0-a.pdf", BinaryData.FromString("%PDF-"));
        clock.Advance(TimeSpan.FromDays(2));

        await new IntakeScheduleFunctions(core.Get<AttachmentSweeper>()).SweepAttachments(new TimerInfo(), default);

        await foreach (var blob in container.GetBlobsAsync())
        {
            Assert.Fail($"{blob.Name} left behind");
        }
    }

    [Fact]
    public async Task StandaloneCronJob_RunsTheSweep()
    {
        await using var host = await HelpdeskHost.StartAsync();
        var container = host.Storage.Container(StorageClients.AttachmentsContainer);
        await container.UploadBlobAsync("orphan/0-a.pdf", BinaryData.FromString("%PDF-"));
        var job = Assert.Single(host.Get<CronJobService>().Jobs, j => j.Name == IntakeSchedules.AttachmentSweepName);

        await job.Run(host.Services, default);

        // Too young today: kept; the job ran against the host's own storage.
        Assert.Single(await ToListAsync(container.GetBlobsAsync()));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
