namespace Helpdesk.Core.Intake;

/// <summary>
/// The attachments of one request, from the first byte stored: every blob is tracked before its upload starts, so
/// that one still uploading when the client disconnects is known too. Disposing deletes every tracked blob (with a
/// token of its own, see <see cref="AttachmentStore.DeleteAsync(IReadOnlyCollection{string})"/>), unless the files
/// were handed over to <see cref="TicketIntake"/>, which keeps them with the ticket or deletes them itself.
/// </summary>
public sealed class IntakeUploads : IAsyncDisposable
{
    private readonly AttachmentStore _store;
    private readonly List<string> _tracked = [];
    private readonly List<UploadedFile> _files = [];
    private bool _handedOver;

    internal IntakeUploads(AttachmentStore store) => _store = store;

    /// <summary>The first segment of every blob name of this request.</summary>
    public string UploadId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Files completely stored so far.</summary>
    public IReadOnlyList<UploadedFile> Files => _files;

    /// <summary>Blobs started (complete or not): names stay unique even when an upload is refused midway.</summary>
    internal int Started => _tracked.Count;

    internal void Track(string blobName) => _tracked.Add(blobName);

    internal void Add(UploadedFile file) => _files.Add(file);

    /// <summary>The stored files, now owned by the caller (<see cref="TicketIntake.CreateAsync"/>): disposing no longer deletes them.</summary>
    public IReadOnlyList<UploadedFile> HandOver()
    {
        _handedOver = true;
        return [.. _files];
    }

    public async ValueTask DisposeAsync()
    {
        var kept = _handedOver ? _files.Select(f => f.Attachment.BlobName).ToHashSet(StringComparer.Ordinal) : [];
        var orphans = _tracked.Where(b => !kept.Contains(b)).ToList();
        if (orphans.Count > 0)
        {
            await _store.DeleteAsync(orphans);
        }
    }
}
