using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Storage;

/// <summary>
/// Creates the tables, queues and containers that the features declared, at start-up, so that no request pays for
/// it and a bad connection fails fast. Idempotent.
/// </summary>
public sealed class StorageInitializer(StorageClients storage, IEnumerable<StorageResource> resources, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = resources.Distinct().ToList();
        var tables = all.Where(r => r.Kind == StorageResourceKind.Table).Select(r => r.Name).ToList();
        var queues = all.Where(r => r.Kind == StorageResourceKind.Queue).SelectMany(r => new[] { r.Name, QueueRules.Poison(r.Name) }).ToList();
        var containers = all.Where(r => r.Kind == StorageResourceKind.Container).Select(r => r.Name).ToList();
        await storage.EnsureCreatedAsync(tables, queues, containers, cancellationToken);
        StorageLog.Ready(logger, tables.Count, queues.Count, containers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
