
namespace Helpdesk.Core.Storage;

/// <summary>
/// Where the product keeps its data (section <c>Helpdesk:Storage</c>). Either a connection string (Azurite:
/// <c>UseDevelopmentStorage=true</c>) or the three service URIs with a managed identity (Azure: no keys anywhere).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Helpdesk:Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prefix for table, queue and container names. Lets tests and several environments share one account.
    /// Letters and digits only (table names are alphanumeric); lower-cased for queues and containers.
    /// </summary>
    public string Prefix { get; set; } = "";
}
