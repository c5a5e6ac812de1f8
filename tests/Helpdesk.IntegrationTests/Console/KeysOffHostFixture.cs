using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>A standalone host with personal keys off and an OpenID Connect provider that does not answer (nothing listens on its port).</summary>
public sealed class KeysOffHostFixture : IAsyncLifetime
{
    public HelpdeskHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = OidcHostFixture.Settings($"http://127.0.0.1:{FreePorts.Reserve(1)[0]}");
        settings["Helpdesk:Technicians:KeySignIn"] = "false";
        Host = await HelpdeskHost.StartAsync(settings);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
