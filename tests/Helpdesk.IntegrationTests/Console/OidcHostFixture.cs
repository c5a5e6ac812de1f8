using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>A standalone host whose console signs people in through <see cref="TestOidcProvider"/> (keys stay on).</summary>
public sealed class OidcHostFixture : IAsyncLifetime
{
    public const string DisplayName = "Test IdP";

    internal TestOidcProvider Provider { get; private set; } = null!;

    public HelpdeskHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        Host = await HelpdeskHost.StartAsync(Settings(Provider.Issuer));
    }

    public static Dictionary<string, string?> Settings(string authority) => new()
    {
        ["Helpdesk:Technicians:OpenIdConnect:Authority"] = authority,
        ["Helpdesk:Technicians:OpenIdConnect:ClientId"] = TestOidcProvider.ClientId,
        ["Helpdesk:Technicians:OpenIdConnect:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Helpdesk:Technicians:OpenIdConnect:DisplayName"] = DisplayName,
    };

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
