namespace Helpdesk.Standalone.Hosting;

/// <summary>Says once, at start, where the generated development key is.</summary>
internal sealed class DevelopmentKeyNotice(ILogger<DevelopmentKeyNotice> logger, string path) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HostLog.DevelopmentApiKey(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
