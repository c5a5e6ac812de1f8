using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Durable;

/// <summary>Checks <c>Helpdesk:Durable</c> at start, naming the setting, instead of a failure deep in the engine.</summary>
public sealed class DurableEngineOptionsValidator : IValidateOptions<DurableEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = DurableEngineOptions.SectionName;
        var errors = new List<string>();
        if (options.HubName.Length is < 3 or > 45 || !char.IsAsciiLetter(options.HubName[0]) || !options.HubName.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"{S}:HubName '{options.HubName}' must be 3-45 letters and digits, starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
        {
            errors.Add("DurableStorage (the task hub's own account) or Helpdesk:Storage:ConnectionString must be set: the standalone durable engine keeps its task hub there (Azurite: UseDevelopmentStorage=true).");
        }

        if (options.MaxQueuePollingInterval <= TimeSpan.Zero || options.MaxQueuePollingInterval > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{S}:MaxQueuePollingInterval must be more than 0 and at most 00:00:30 (got {options.MaxQueuePollingInterval}).");
        }

        if (options.PartitionCount is < 1 or > 16)
        {
            errors.Add($"{S}:PartitionCount must be between 1 and 16 (got {options.PartitionCount}).");
        }

        if (options.LeaseInterval < TimeSpan.FromSeconds(5))
        {
            errors.Add($"{S}:LeaseInterval must be at least 00:00:05 (got {options.LeaseInterval}).");
        }

        if (options.ExtendedSessionIdleTimeout < TimeSpan.FromSeconds(1) || options.ExtendedSessionIdleTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{S}:ExtendedSessionIdleTimeout must be between 00:00:01 and 00:10:00 (got {options.ExtendedSessionIdleTimeout}).");
        }

        if (options.MaxConcurrentActivities < 1 || options.MaxConcurrentOrchestrations < 1)
        {
            errors.Add($"{S}:MaxConcurrentActivities and MaxConcurrentOrchestrations must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
