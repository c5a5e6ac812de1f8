using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>One standalone host for the inventory tests, with a heartbeat key; each test uses its own tags and site.</summary>
public sealed class InventoryFixture : IAsyncLifetime
{
    public const string HeartbeatKey = "heartbeat-key-0123456789abcdefghijkl";

    public HelpdeskHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["Helpdesk:Inventory:HeartbeatKey"] = HeartbeatKey });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A tag no other test uses: <paramref name="prefix"/> and 8 random characters.</summary>
    public static string NewTag(string prefix = "PC") => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
