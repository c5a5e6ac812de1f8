using Helpdesk.Core.Intake;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>
/// Who owns an upload, on real Azurite: intake keeps it with the ticket or deletes it, even when the request's token
/// is cancelled; the daily sweep removes what a crash left and keeps what a ticket references.
/// </summary>
public class AttachmentLifecycleTests
{
    [Fact]
    public async Task ACancelledRequest_StillDeletesItsUploads()
    {
        await using var core = await CoreServices.StartAsync();
        var files = await UploadAsync(core, "a.pdf", "b.pdf");
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync(); // the client disconnected

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), files, null, Submissions.Api, gone.Token));

        Assert.Empty(await BlobsAsync(core));
    }

    [Fact]
    public async Task AFailureAfterTheTicketIsWritten_KeepsItsAttachments()
    {
        await using var core = await CoreServices.StartAsync(s => s.AddSingleton<ITicketEventPublisher, BrokenPublisher>());
        var files = await UploadAsync(core, "a.pdf");

        await Assert.ThrowsAsync<InvalidOperationException>(() => core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), files, null, Submissions.Api, default));

        Assert.Equal([files[0].Attachment.BlobName], (await BlobsAsync(core)).Select(b => b.Name));
    }

    [Fact]
    public async Task AReusedKey_DeletesTheSecondRequestsUploads()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var kept = await UploadAsync(core, "a.pdf");
        var first = Assert.IsType<IntakeResult.Created>(await intake.CreateAsync(Submissions.Valid(), kept, "k", Submissions.Api, default));

        var other = await UploadAsync(core, "a.pdf");
        Assert.IsType<IntakeResult.KeyReused>(await intake.CreateAsync(Submissions.Valid(), other, "k", Submissions.Api, default));

        Assert.Equal([kept[0].Attachment.BlobName], (await BlobsAsync(core)).Select(b => b.Name));
        Assert.Equal(kept[0].Attachment.BlobName, Assert.Single(first.Ticket.Attachments).BlobName);
    }

    [Fact]
    public async Task Sweep_RemovesOldOrphans_KeepsReferencedAndYoungBlobs_AndReportsCounts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var core = await CoreServices.StartAsync(s => s.AddSingleton<TimeProvider>(clock));
        var intake = core.Get<TicketIntake>();
        var container = core.Get<StorageClients>().Container(StorageClients.AttachmentsContainer);

        // Attached to a ticket.
        var attached = await UploadAsync(core, "kept.pdf");
        var ticket = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(), attached, null, Submissions.Api, default)).Ticket;
        // Left by a process killed mid-request, before any ticket: no mark.
        await container.UploadBlobAsync("crashed/0-a.pdf", BinaryData.FromString("%PDF-"));
        // Marked for a ticket that was never written (killed between the mark and the ticket).
        var marked = container.GetBlobClient("marked/0-a.pdf");
        await marked.UploadAsync(BinaryData.FromString("%PDF-"));
        await marked.SetMetadataAsync(new Dictionary<string, string> { ["ticket"] = "999999" });
        // Marked for a real ticket that does not reference it (a concurrent retry's upload that lost).
        var lost = container.GetBlobClient("lost/0-a.pdf");
        await lost.UploadAsync(BinaryData.FromString("%PDF-"));
        await lost.SetMetadataAsync(new Dictionary<string, string> { ["ticket"] = ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var sweeper = core.Get<AttachmentSweeper>();

        // Today every blob is too young to judge.
        Assert.Equal(new AttachmentSweepReport(4, 4, 0, 0), await sweeper.RunAsync(default));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new AttachmentSweepReport(4, 1, 3, 0), await sweeper.RunAsync(default));

        var left = Assert.Single(await BlobsAsync(core));
        Assert.Equal(attached[0].Attachment.BlobName, left.Name);
        Assert.Equal("attached", left.Metadata["state"]);
        Assert.Equal(attached[0].Sha256, left.Metadata["sha256"]);
        // Next run: kept from the listing alone.
        Assert.Equal(new AttachmentSweepReport(1, 1, 0, 0), await sweeper.RunAsync(default));
    }

    private static async Task<IReadOnlyList<UploadedFile>> UploadAsync(CoreServices core, params string[] names)
    {
        var store = core.Get<AttachmentStore>();
        var uploads = store.BeginUploads();
        foreach (var name in names)
        {
            await store.UploadAsync(uploads, name, AttachmentTypes.ForExtension(".pdf")!, "%PDF-1.7\n"u8.ToArray(), new MemoryStream(new byte[100]), 1000, default);
        }

        return uploads.HandOver();
    }

    private static async Task<List<Azure.Storage.Blobs.Models.BlobItem>> BlobsAsync(CoreServices core)
    {
        var blobs = new List<Azure.Storage.Blobs.Models.BlobItem>();
        var container = core.Get<StorageClients>().Container(StorageClients.AttachmentsContainer);
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    private sealed class BrokenPublisher : ITicketEventPublisher
    {
        public Task PublishAsync(TicketEvent e, CancellationToken ct) => throw new InvalidOperationException("queue down");
    }
}
