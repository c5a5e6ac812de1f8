using Microsoft.Extensions.Options;

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

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        var errors = new List<string>();
        var hasUris = o.TableServiceUri is not null || o.QueueServiceUri is not null || o.BlobServiceUri is not null;
        if (string.IsNullOrWhiteSpace(o.ConnectionString) && !hasUris)
        {
            errors.Add("Helpdesk:Storage: set ConnectionString (e.g. UseDevelopmentStorage=true for Azurite) or TableServiceUri, QueueServiceUri and BlobServiceUri (managed identity).");
        }

        if (string.IsNullOrWhiteSpace(o.ConnectionString) && hasUris
            && (o.TableServiceUri is null || o.QueueServiceUri is null || o.BlobServiceUri is null))
        {
            errors.Add("Helpdesk:Storage: TableServiceUri, QueueServiceUri and BlobServiceUri must all be set.");
        }

        if (o.Prefix.Length > 20 || !o.Prefix.All(char.IsAsciiLetterOrDigit) || (o.Prefix.Length > 0 && !char.IsAsciiLetter(o.Prefix[0])))
        {
            errors.Add("Helpdesk:Storage:Prefix must start with a letter and hold at most 20 letters and digits.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
