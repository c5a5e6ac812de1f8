using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Storage;

/// <summary>Creates the tables, queues and containers at start-up, so that no request pays for it and a bad connection fails fast.</summary>
public sealed class StorageInitializer(StorageClients storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public static readonly string[] Tables = [StorageClients.TicketsTable, StorageClients.IndexTable, StorageClients.SlaClockTable];
    public static readonly string[] Queues =
    [
        HelpdeskQueues.TicketEvents, HelpdeskQueues.Poison(HelpdeskQueues.TicketEvents),
        HelpdeskQueues.Notifications, HelpdeskQueues.Poison(HelpdeskQueues.Notifications),
    ];
    public static readonly string[] Containers = [StorageClients.AttachmentsContainer];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(Tables, Queues, Containers, cancellationToken);
        logger.LogInformation("Storage ready: {Tables} tables, {Queues} queues, {Containers} containers.", Tables.Length, Queues.Length, Containers.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
