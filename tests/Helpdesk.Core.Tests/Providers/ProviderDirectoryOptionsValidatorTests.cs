using Helpdesk.Core.Providers;

namespace Helpdesk.Core.Tests.Providers;

/// <summary>The settings seed of the provider directory is checked at start with the API's own rules.</summary>
public class ProviderDirectoryOptionsValidatorTests
{
    [Fact]
    public void BadSeedEntries_AndSettings_FailAtStart_NamingEachSetting()
    {
        var options = new ProviderDirectoryOptions { MailLanguage = "nl" };
        var bad = new ProviderOptions { Id = "isp", Name = "ISP", Kind = "internet", SupportPhone = "call us!", SupportUrl = "ftp://x" };
        bad.AssetTypes.Add("toaster");
        options.Directory.Add(bad);

        var result = new ProviderDirectoryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Helpdesk:Providers:MailLanguage", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Helpdesk:Providers:Directory:0:SupportPhone", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Helpdesk:Providers:Directory:0:SupportUrl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("'toaster'", StringComparison.Ordinal));
    }

    [Fact]
    public void AGoodSeedEntry_BecomesTheSameProviderTheApiWouldStore()
    {
        var good = new ProviderOptions { Id = "winbooks", Name = " WinBooks ", Kind = "business-software", SupportEmail = "support@winbooks.test", Notes = "Customer 4411" };
        good.Categories.Add("Business-Software");
        good.Assets.Add("srv-01");
        good.AssetTypes.Add("server");
        var options = new ProviderDirectoryOptions();
        options.Directory.Add(good);

        Assert.True(new ProviderDirectoryOptionsValidator().Validate(null, options).Succeeded);
        var provider = ProviderReader.FromOptions(good, DateTimeOffset.UnixEpoch);
        Assert.Equal(("WinBooks", "business-software", "SRV-01", "server", "Customer 4411"),
            (provider.Name, provider.Categories.Single(), provider.AssetTags.Single(), provider.AssetTypes.Single(), provider.Notes));
    }
}
