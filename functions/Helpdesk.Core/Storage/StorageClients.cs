using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Storage;

/// <summary>
/// The storage clients of the product, built once. Names carry the configured prefix, so that every feature gets
/// its table, queue or container from here and never builds a client itself.
/// </summary>
public sealed class StorageClients
{
    public const string TicketsTable = "Tickets";
    public const string IndexTable = "TicketIndex";
    public const string SlaClockTable = "SlaClock";
    public const string AttachmentsContainer = "attachments";

    private readonly string _prefix;

    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        _prefix = o.Prefix;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Tables = new TableServiceClient(o.ConnectionString);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(o.ConnectionString);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
            Tables = new TableServiceClient(o.TableServiceUri!, credential);
            Queues = new QueueServiceClient(o.QueueServiceUri!, credential, queueOptions);
            Blobs = new BlobServiceClient(o.BlobServiceUri!, credential);
        }
    }

    public TableServiceClient Tables { get; }

    /// <summary>Queue messages are base64, as the Functions queue trigger expects.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    public string TableName(string name) => _prefix + name;

    public string QueueName(string name) => (_prefix.Length == 0 ? name : _prefix + "-" + name).ToLowerInvariant();

    public string ContainerName(string name) => (_prefix.Length == 0 ? name : _prefix + "-" + name).ToLowerInvariant();

    public TableClient Table(string name) => Tables.GetTableClient(TableName(name));

    public QueueClient Queue(string name) => Queues.GetQueueClient(QueueName(name));

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(ContainerName(name));

    /// <summary>Creates every table, queue and container the product uses. Idempotent; run at start-up.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> tables, IEnumerable<string> queues, IEnumerable<string> containers, CancellationToken ct)
    {
        await Task.WhenAll(
            tables.Select(t => (Task)Table(t).CreateIfNotExistsAsync(ct))
                .Concat(queues.Select(q => (Task)Queue(q).CreateIfNotExistsAsync(cancellationToken: ct)))
                .Concat(containers.Select(c => (Task)Container(c).CreateIfNotExistsAsync(cancellationToken: ct))));
    }
}
