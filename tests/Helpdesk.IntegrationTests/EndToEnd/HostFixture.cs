using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.EndToEnd;

/// <summary>One standalone host per test class; tests use their own requesters so they never see each other's data.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public HelpdeskHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HelpdeskHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
