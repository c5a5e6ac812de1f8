using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Storage;

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
