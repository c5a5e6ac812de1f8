using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>Attachments live in Blob storage (container <c>attachments</c>); the ticket keeps references.</summary>
public sealed class AttachmentStore(StorageClients storage, ILogger<AttachmentStore> logger)
{
    private BlobContainerClient Container => storage.Container(StorageClients.AttachmentsContainer);

    /// <summary>Streams <paramref name="content"/> to a blob, counting bytes; past <paramref name="maxBytes"/> the blob is deleted and the upload fails.</summary>
    public async Task<AttachmentRef> UploadAsync(string uploadId, int index, string fileName, string contentType, Stream content, long maxBytes, CancellationToken ct)
    {
        var blobName = $"{uploadId}/{index}-{SafeName(fileName)}";
        var blob = Container.GetBlobClient(blobName);
        var counting = new Web.BoundedStream(content, maxBytes, () => new InvalidDataException("limit"));
        try
        {
            await blob.UploadAsync(counting, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
        }
        catch (InvalidDataException)
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw new AttachmentTooLargeException(fileName);
        }

        return new AttachmentRef(fileName, contentType, counting.BytesRead, blobName);
    }

    public async Task DeleteAsync(IEnumerable<AttachmentRef> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            try
            {
                await Container.DeleteBlobIfExistsAsync(file.BlobName, cancellationToken: ct);
            }
            catch (Azure.RequestFailedException ex)
            {
                IntakeLog.AttachmentDeleteFailed(logger, ex, file.BlobName);
            }
        }
    }

    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return safe.Length == 0 ? "file" : safe[..Math.Min(safe.Length, 100)];
    }
}
