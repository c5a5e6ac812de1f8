using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Inventory;

public sealed class InventoryOptionsValidator : IValidateOptions<InventoryOptions>
{
    public const int MinHeartbeatKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, InventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (InventoryOptions.EffectiveHeartbeatKey(options.HeartbeatKey) is { } key && key.Length < MinHeartbeatKeyLength)
        {
            errors.Add($"{InventoryOptions.Section}:HeartbeatKey must be at least {MinHeartbeatKeyLength} characters (got {key.Length}); leave it unset to turn heartbeats off.");
        }

        if (options.MaxImportBytes is < 1024 or > 64L * 1024 * 1024)
        {
            errors.Add($"{InventoryOptions.Section}:MaxImportBytes must be between 1024 and 67108864 (got {options.MaxImportBytes}).");
        }

        if (options.MaxImportRows is < 1 or > 100_000)
        {
            errors.Add($"{InventoryOptions.Section}:MaxImportRows must be between 1 and 100000 (got {options.MaxImportRows}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
