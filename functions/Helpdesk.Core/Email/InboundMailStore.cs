using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Email;

/// <summary>
/// Raw inbound messages in Blob storage (container <c>inbound-mail</c>), named after the SHA-256 of their bytes: the
/// same message delivered twice is stored once, and a blob's name proves its content. Kept after processing: the
/// original of every mail stays available (charset trouble, disputes, replays from the poison queue).
/// </summary>
public sealed class InboundMailStore(StorageClients storage)
{
    public const string Container = "inbound-mail";
    private const string Suffix = ".eml";

    /// <summary>Stores the message unless a blob with the same content exists; returns the blob's name.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(raw.Span)) + Suffix;
        try
        {
            await storage.Container(Container).GetBlobClient(name).UploadAsync(BinaryData.FromBytes(raw),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Same name, same bytes: a redelivery.
        }

        return name;
    }

    /// <summary>The stored bytes, or null when the blob is gone.</summary>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken ct)
    {
        try
        {
            var content = await storage.Container(Container).GetBlobClient(name).DownloadContentAsync(ct);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public static bool IsBlobName(string name) =>
        name.Length == 64 + Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal)
        && name[..64].All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
