using Helpdesk.Core.Inventory;

namespace Helpdesk.IntegrationTests.Inventory;

public class InventoryOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-helpdesk;SecretName=heartbeat-key)")]
    public void HeartbeatKey_UnsetOrAnUnresolvedKeyVaultReference_TurnsHeartbeatsOff(string? configured)
    {
        Assert.Null(InventoryOptions.EffectiveHeartbeatKey(configured));
        Assert.True(new InventoryOptionsValidator().Validate(null, new InventoryOptions { HeartbeatKey = configured }).Succeeded);
    }

    [Fact]
    public void HeartbeatKey_TooShort_StopsTheHost()
    {
        var result = new InventoryOptionsValidator().Validate(null, new InventoryOptions { HeartbeatKey = "short" });

        Assert.True(result.Failed);
        Assert.Contains("Helpdesk:Inventory:HeartbeatKey", result.FailureMessage, StringComparison.Ordinal);
    }
}
