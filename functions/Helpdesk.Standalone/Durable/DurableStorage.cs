using DurableTask.AzureStorage;

namespace Helpdesk.Standalone.Durable;

/// <summary>Builds <see cref="AzureStorageOrchestrationService"/> instances for the worker and for clients.</summary>
public static class DurableStorage
{
    /// <summary>Maps <see cref="DurableEngineOptions"/> to DTFx Azure Storage settings.</summary>
    public static AzureStorageOrchestrationServiceSettings CreateSettings(DurableEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
        {
            throw new InvalidOperationException("Helpdesk:Storage:ConnectionString is required by the durable engine.");
        }

        if (options.HubName.Length is < 3 or > 45 || !char.IsAsciiLetter(options.HubName[0]) || !options.HubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException($"Invalid task hub name '{options.HubName}': 3-45 letters and digits, starting with a letter.");
        }

        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkerId = string.IsNullOrWhiteSpace(options.WorkerId) ? Environment.MachineName : options.WorkerId,
            LeaseInterval = options.LeaseInterval,
            UseAppLease = options.UseAppLease,
            // The table-based partition manager (DTFx default) releases partitions on graceful stop.
            UseTablePartitionManagement = true,
            // Duplicate start of a live instance is a silent no-op (see IOrchestrationClient.StartOnceAsync).
            ThrowExceptionOnInvalidDedupeStatus = false,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
            LoggerFactory = loggerFactory,
        };
    }
}
