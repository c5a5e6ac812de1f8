using Helpdesk.Core.Technicians;
using Helpdesk.Standalone.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>The OpenID Connect settings are checked at start, each wrong one named; and the protocol cookies follow the console's Secure rule.</summary>
public class OpenIdConnectSettingsTests
{
    private static OpenIdConnectSignInOptions Valid() => new()
    {
        Authority = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
        ClientId = "11111111-1111-1111-1111-111111111111",
        ClientSecret = "from-the-environment",
    };

    private static OpenIdConnectSignInOptions WithAuthority(string authority)
    {
        var options = Valid();
        options.Authority = authority;
        return options;
    }

    private static ValidateOptionsResult Check(OpenIdConnectSignInOptions options, TechniciansOptions? technicians = null, IConfiguration? configuration = null) =>
        new OpenIdConnectSignInOptionsValidator(Options.Create(technicians ?? new TechniciansOptions()), configuration ?? new ConfigurationBuilder().Build())
            .Validate(null, options);

    [Fact]
    public void NotConfigured_IsFine_AndAValidProviderToo()
    {
        Assert.True(Check(new OpenIdConnectSignInOptions()).Succeeded);
        Assert.True(Check(Valid()).Succeeded);
        Assert.True(Check(WithAuthority("http://127.0.0.1:5000")).Succeeded);
    }

    [Theory]
    [InlineData("http://login.example.com", "Authority")]
    [InlineData("login.example.com", "Authority")]
    [InlineData("https://login.example.com/?tenant=x", "Authority")]
    [InlineData("https://login.microsoftonline.com/common/v2.0", "Authority")]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0", "Authority")]
    public void Authority_MustBeHttps_ExceptOnLoopback(string authority, string named)
    {
        var result = Check(WithAuthority(authority));

        Assert.True(result.Failed);
        Assert.Contains("Helpdesk:Technicians:OpenIdConnect:" + named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialSettings_NameWhatIsMissing()
    {
        var result = Check(new OpenIdConnectSignInOptions { Authority = "https://login.example.com" });

        Assert.Contains("OpenIdConnect:ClientId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("OpenIdConnect:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_FromASettingsFile_OrAnUnresolvedKeyVaultReference_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("oidc-settings");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "appsettings.json"),
                """{"Helpdesk":{"Technicians":{"OpenIdConnect":{"ClientSecret":"committed-secret"}}}}""");
            var fromFile = new ConfigurationBuilder().SetBasePath(folder.FullName).AddJsonFile("appsettings.json").Build();
            var fromEnvironment = new ConfigurationBuilder().SetBasePath(folder.FullName).AddJsonFile("appsettings.json")
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Helpdesk:Technicians:OpenIdConnect:ClientSecret"] = "from-the-environment" }).Build();

            var refused = Check(Valid(), configuration: fromFile);
            Assert.Contains("must not be kept in appsettings.json", refused.FailureMessage, StringComparison.Ordinal);
            Assert.True(Check(Valid(), configuration: fromEnvironment).Succeeded);
        }
        finally
        {
            folder.Delete(true);
        }

        var vault = Valid();
        vault.ClientSecret = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/oidc)";
        Assert.Contains("Key Vault reference that was not resolved", Check(vault).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_NeedOpenid_AndDisplayName_IsShort()
    {
        var noOpenid = Valid();
        noOpenid.Scopes = "profile email";
        var longName = Valid();
        longName.DisplayName = new string('x', OpenIdConnectSignInOptions.MaxDisplayNameLength + 1);

        Assert.Contains("OpenIdConnect:Scopes", Check(noOpenid).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("OpenIdConnect:DisplayName", Check(longName).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysOff_WithoutAProvider_LeavesNobodyAWayIn_AndIsRefused()
    {
        var result = Check(new OpenIdConnectSignInOptions(), new TechniciansOptions { KeySignIn = false });

        Assert.Contains("Helpdesk:Technicians:KeySignIn=false", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Check(Valid(), new TechniciansOptions { KeySignIn = false }).Succeeded);
        Assert.True(Check(new OpenIdConnectSignInOptions(), new TechniciansOptions { KeySignIn = false, TrustPlatformPrincipal = true }).Succeeded);
    }

    [Theory]
    [InlineData("helpdesk.example.be", false, true)]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("localhost", false, false)]
    [InlineData("localhost", true, true)]
    public void ProtocolCookies_AreSecure_OutsidePlainHttpOnLoopback(string host, bool https, bool secure)
    {
        var builder = new ConsoleCookieBuilder(new CookieBuilder { Name = ".AspNetCore.Correlation.", SameSite = SameSiteMode.Lax, HttpOnly = true });
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString(host);
        http.Request.Scheme = https ? "https" : "http";

        var cookie = builder.Build(http);

        Assert.Equal(secure, cookie.Secure);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal(".AspNetCore.Correlation.", builder.Name);
    }
}
