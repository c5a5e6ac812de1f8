using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Attachments live in Blob storage (container <c>attachments</c>, blobs <c>{upload id}/{index}-{safe name}</c>); the
/// ticket keeps references. Metadata tells the sweep (<see cref="AttachmentSweeper"/>) which blobs a ticket holds:
/// <c>ticket</c> is set just before the ticket is written, <c>state=attached</c> once a sweep saw the ticket reference it.
/// </summary>
public sealed class AttachmentStore(StorageClients storage, ILogger<AttachmentStore> logger)
{
    /// <summary>Deleting outlives the request that asked for it (a client that went away cancels the request), up to this long.</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    public const int MaxDisplayNameLength = 100;

    internal const string TicketMetadata = "ticket";
    internal const string StateMetadata = "state";
    internal const string Sha256Metadata = "sha256";
    internal const string AttachedState = "attached";

    private BlobContainerClient Container => storage.Container(StorageClients.AttachmentsContainer);

    /// <summary>A new request's uploads; dispose it at the end of the request.</summary>
    public IntakeUploads BeginUploads() => new(this);

    /// <summary>
    /// Streams one file to a blob, starting with <paramref name="head"/> (the bytes already read for the signature
    /// check) and counting, hashing and (for text) checking the rest as it passes. The blob is tracked by
    /// <paramref name="uploads"/> before the first byte is sent.
    /// </summary>
    /// <exception cref="AttachmentTooLargeException">The file grew past <paramref name="maxBytes"/>.</exception>
    /// <exception cref="AttachmentContentException">A text file is not UTF-8 text.</exception>
    public async Task<UploadedFile> UploadAsync(IntakeUploads uploads, string displayName, AttachmentType type, ReadOnlyMemory<byte> head, Stream rest,
        long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(type);
        var blobName = $"{uploads.UploadId}/{uploads.Started}-{SafeName(displayName)}";
        uploads.Track(blobName);
        using var content = new UploadStream(head, rest, maxBytes, type.IsText, displayName);
        await Container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = type.ContentType } }, ct);
        await content.DrainAsync(ct);
        var file = new UploadedFile(new AttachmentRef(displayName, type.ContentType, content.BytesRead, blobName) { Sha256 = content.Sha256 }, content.Sha256!);
        uploads.Add(file);
        return file;
    }

    /// <summary>
    /// Marks the files with the ticket about to reference them (before the ticket is written), so the sweep knows
    /// which ticket to ask. A blob already gone needs no protection from the sweep.
    /// </summary>
    public Task MarkAsync(IReadOnlyList<UploadedFile> files, int number, CancellationToken ct) =>
        Task.WhenAll(files.Select(async f =>
        {
            try
            {
                await Container.GetBlobClient(f.Attachment.BlobName).SetMetadataAsync(
                    new Dictionary<string, string>
                    {
                        [TicketMetadata] = number.ToString(CultureInfo.InvariantCulture),
                        [Sha256Metadata] = f.Sha256,
                    },
                    cancellationToken: ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }));

    /// <summary>Records that the ticket was seen referencing the blob: later sweeps keep it without asking.</summary>
    public async Task ConfirmAsync(AttachmentBlob blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var metadata = new Dictionary<string, string>(blob.Metadata, StringComparer.Ordinal) { [StateMetadata] = AttachedState };
        await Container.GetBlobClient(blob.Name).SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = blob.ETag }, ct);
    }

    /// <summary>Every attachment blob with its metadata (one listing request per 5,000 blobs).</summary>
    public async IAsyncEnumerable<AttachmentBlob> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
        {
            var metadata = item.Metadata ?? new Dictionary<string, string>();
            int? ticket = metadata.TryGetValue(TicketMetadata, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : null;
            var attached = metadata.TryGetValue(StateMetadata, out var state) && state == AttachedState;
            var created = item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue;
            yield return new AttachmentBlob(item.Name, created, item.Properties.ETag ?? default, ticket, attached,
                new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        }
    }

    /// <summary>Deletes a blob the sweep found orphaned, unless it changed since it was listed. True if deleted.</summary>
    public async Task<bool> DeleteOrphanAsync(AttachmentBlob blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            var response = await Container.GetBlobClient(blob.Name).DeleteIfExistsAsync(
                DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = blob.ETag }, ct);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Deletes the files' blobs; see <see cref="DeleteAsync(IReadOnlyCollection{string})"/>.</summary>
    public Task DeleteAsync(IEnumerable<UploadedFile> files) => DeleteAsync([.. files.Select(f => f.Attachment.BlobName)]);

    /// <summary>
    /// Deletes blobs with a token of its own, bounded by <see cref="CleanupTimeout"/>: never the request's token,
    /// which is cancelled when the client disconnects, exactly when its uploads must go. Failures are logged, not
    /// thrown (the sweep removes what is left).
    /// </summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> blobNames)
    {
        ArgumentNullException.ThrowIfNull(blobNames);
        if (blobNames.Count == 0)
        {
            return;
        }

        using var cleanup = new CancellationTokenSource(CleanupTimeout);
        await Task.WhenAll(blobNames.Select(async name =>
        {
            try
            {
                await Container.DeleteBlobIfExistsAsync(name, cancellationToken: cleanup.Token);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
            {
                IntakeLog.AttachmentDeleteFailed(logger, ex, name);
            }
        }));
        IntakeLog.UploadsDeleted(logger, blobNames.Count);
    }

    /// <summary>The blob-name part of a file name: ASCII letters, digits, <c>.</c>, <c>-</c>, <c>_</c>.</summary>
    public static string SafeName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return safe.Length == 0 ? "file" : safe[..Math.Min(safe.Length, MaxDisplayNameLength)];
    }

    /// <summary>
    /// The name shown for a file: its last path segment (no <c>../</c>, no <c>\</c>), without control or invisible
    /// characters (NUL, bidirectional overrides...), without trailing dots, at most <see cref="MaxDisplayNameLength"/> characters
    /// (the extension is kept), never empty.
    /// </summary>
    public static string DisplayName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var text = InvisibleCharacters.Remove(fileName).Replace('\\', '/');
        // Trailing dots and spaces are dropped (as Windows does), leading spaces too; "." and ".." leave nothing.
        var name = text[(text.LastIndexOf('/') + 1)..].TrimStart().TrimEnd(' ', '.', '\t');
        if (name.Length == 0)
        {
            return "file";
        }

        if (name.Length > MaxDisplayNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 10 ? extension : "";
            var stem = name[..(MaxDisplayNameLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            name = stem.TrimEnd() + extension;
        }

        return name;
    }
}
