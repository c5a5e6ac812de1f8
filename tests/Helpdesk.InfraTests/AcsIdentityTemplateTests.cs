namespace Helpdesk.InfraTests;

/// <summary>
/// Identity-only ACS mail on Azure: the communication module grants the app's identity a role that can send, hands the
/// app the endpoint, and writes the access-key connection string into Key Vault only when a tenant asks for it.
/// </summary>
public sealed class AcsIdentityTemplateTests
{
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";

    [Fact]
    public async Task CommunicationModule_GrantsTheAppIdentityTheSendingRole_AndStoresTheKeyOnlyOnRequest()
    {
        var template = await CompiledTemplate.BuildMainAsync();
        var module = CompiledTemplate.Resources(template)
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments"
                && CompiledTemplate.Resources(r["properties"]!["template"]!).Any(n => (string?)n["type"] == "Microsoft.Communication/communicationServices"));
        var nested = module["properties"]!["template"]!;
        var resources = CompiledTemplate.Resources(nested).ToList();

        var role = Assert.Single(resources, r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments");
        var roleText = CompiledTemplate.Inline(nested, CompiledTemplate.Text(role));
        Assert.Contains(CommunicationAndEmailServiceOwner, roleText, StringComparison.Ordinal);
        Assert.Contains("parameters('appPrincipalId')", roleText, StringComparison.Ordinal);
        Assert.Contains("communicationServices", CompiledTemplate.Text(role["scope"]), StringComparison.Ordinal);
        Assert.Contains("identity", CompiledTemplate.Text(module["properties"]!["parameters"]!["appPrincipalId"]), StringComparison.Ordinal);

        var secret = Assert.Single(resources, r => (string?)r["type"] == "Microsoft.KeyVault/vaults/secrets");
        Assert.Equal("[parameters('storeConnectionString')]", CompiledTemplate.Text(secret["condition"]));
        Assert.Contains("'AccessKey'", CompiledTemplate.Text(module["properties"]!["parameters"]!["storeConnectionString"]), StringComparison.Ordinal);
        Assert.Equal("ManagedIdentity", CompiledTemplate.Text(template["parameters"]!["communicationAuthentication"]!["defaultValue"]));
    }
}
