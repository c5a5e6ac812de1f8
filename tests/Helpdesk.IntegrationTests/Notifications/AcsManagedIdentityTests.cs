using System.Net;
using Helpdesk.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// Identity-only ACS mail: the adapter sends with an Entra ID bearer token instead of an access key, over real HTTP to
/// <see cref="FakeAcsEmailService"/>, which accepts only tokens the FAKE <see cref="FakeTokenCredential"/> issued for
/// the ACS scope (Entra ID and ACS are Azure-only edges; the managed identity itself cannot run here).
/// </summary>
public sealed class AcsManagedIdentityTests
{
    private const string Sender = "DoNotReply@0000-fake.azurecomm.net";

    private static OutgoingEmail Mail(string messageId = "<ticket-2001-ack@fabrikam.ie>") => new(
        new EmailAddress("helpdesk@fabrikam.ie", "Fabrikam IT"),
        [new EmailAddress("sean.murphy@fabrikam.ie", "Seán Murphy")],
        "[#2001] Laptop will not start",
        "Hello Seán,\nyour request is recorded.\n",
        null,
        messageId);

    private static EmailOptions IdentityOptions(Uri endpoint, string? authentication = null) => new()
    {
        Provider = "Acs",
        Acs =
        {
            Endpoint = endpoint, Authentication = authentication, SenderAddress = Sender,
            Timeout = TimeSpan.FromSeconds(15), PollInterval = TimeSpan.FromMilliseconds(50),
        },
    };

    private static AcsEmailSender Sender_(EmailOptions options, FakeTokenCredential credential) =>
        new(new HttpClient(), Options.Create(options), TimeProvider.System, NullLogger<AcsEmailSender>.Instance, credential);

    private static async Task<FakeAcsEmailService> StartAcsAsync(FakeTokenCredential credential)
    {
        var acs = await FakeAcsEmailService.StartAsync();
        acs.RunningRetryAfterSeconds = 0;
        acs.TrustTokensFrom(credential);
        return acs;
    }

    [Fact]
    public async Task Send_WithoutConnectionString_UsesABearerTokenForTheAcsScope()
    {
        var credential = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromHours(1));
        await using var acs = await StartAcsAsync(credential);

        await Sender_(IdentityOptions(acs.Endpoint), credential).SendAsync(Mail(), CancellationToken.None);

        var sent = Assert.Single(acs.Accepted);
        Assert.Equal(Sender, (string?)sent.Body["senderAddress"]);
        // POST + two status polls, all with the same token: one token request, for the ACS scope with its double slash.
        Assert.Equal(["Bearer", "Bearer", "Bearer"], acs.AuthorizationSchemes);
        Assert.Equal([FakeAcsEmailService.AcsScope], credential.RequestedScopes);
    }

    [Fact]
    public async Task Send_TokenAboutToExpire_IsRenewedBeforeUse()
    {
        // Four minutes left is inside the five-minute renewal margin: every request gets a fresh token.
        var credential = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromMinutes(4));
        await using var acs = await StartAcsAsync(credential);

        await Sender_(IdentityOptions(acs.Endpoint), credential).SendAsync(Mail(), CancellationToken.None);

        Assert.Single(acs.Accepted);
        Assert.Equal(3, credential.RequestedScopes.Count);
    }

    [Fact]
    public async Task Send_NoManagedIdentity_FailsNamingTheSetting_WithoutCallingAcs()
    {
        var credential = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromHours(1)) { Unavailable = true };
        await using var acs = await StartAcsAsync(credential);

        var ex = await Assert.ThrowsAsync<EmailSendException>(
            () => Sender_(IdentityOptions(acs.Endpoint), credential).SendAsync(Mail(), CancellationToken.None));

        // Configuration, not the recipient's fault and not transient: retried by the queue, then poisoned with this text.
        Assert.IsNotType<TransientEmailSendException>(ex);
        Assert.IsNotType<PermanentEmailFailureException>(ex);
        Assert.Contains("no Entra ID token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Helpdesk:Email:Acs:Authentication", ex.Message, StringComparison.Ordinal);
        Assert.Empty(acs.Requests);
    }

    [Fact]
    public async Task Send_TokenRefusedByAcs_401SaysTheIdentityNeedsARole()
    {
        var trusted = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromHours(1));
        var stranger = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromHours(1));
        await using var acs = await StartAcsAsync(trusted);

        var ex = await Assert.ThrowsAsync<EmailSendException>(
            () => Sender_(IdentityOptions(acs.Endpoint), stranger).SendAsync(Mail(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("managed identity", ex.Message, StringComparison.Ordinal);
        Assert.Empty(acs.Accepted);
    }

    [Fact]
    public async Task Send_AccessKeyAuthentication_StillSignsWithHmac_AndAsksNoToken()
    {
        var credential = new FakeTokenCredential(TimeProvider.System, TimeSpan.FromHours(1));
        await using var acs = await StartAcsAsync(credential);
        var options = IdentityOptions(acs.Endpoint, AcsEmailOptions.AccessKeyAuthentication);
        options.Acs.ConnectionString = acs.ConnectionString();

        await Sender_(options, credential).SendAsync(Mail(), CancellationToken.None);

        Assert.Single(acs.Accepted);
        Assert.All(acs.AuthorizationSchemes, scheme => Assert.Equal("HMAC-SHA256", scheme));
        Assert.Empty(credential.RequestedScopes);
    }

    [Theory]
    [InlineData(null, "https://acs-fabrikam.europe.communication.azure.com/", null, true)]
    [InlineData("ManagedIdentity", "https://acs-fabrikam.europe.communication.azure.com", null, true)]
    [InlineData(null, null, null, false)]
    [InlineData("ManagedIdentity", "http://acs-fabrikam.europe.communication.azure.com/", null, false)]
    [InlineData("Certificate", "https://acs-fabrikam.europe.communication.azure.com/", null, false)]
    [InlineData(null, null, "endpoint=https://acs.communication.azure.com/;accesskey=a2V5", true)]
    [InlineData("AccessKey", "https://acs-fabrikam.europe.communication.azure.com/", null, false)]
    public void Validator_AcsAuthentication_NeedsItsEndpointOrConnectionString(string? authentication, string? endpoint, string? connectionString, bool valid)
    {
        var options = new EmailOptions
        {
            Provider = "Acs",
            Acs = { Authentication = authentication, Endpoint = endpoint is null ? null : new Uri(endpoint), ConnectionString = connectionString, SenderAddress = Sender },
        };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(valid == result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Registration_AcsWithEndpointOnly_StartsWithoutAnySecret_AndResolvesTheAcsSender()
    {
        // What infra/main.bicep sets for an ACS tenant: no connection string, no Key Vault reference.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:Email:Provider"] = "Acs",
            ["Helpdesk:Email:Acs:Authentication"] = "ManagedIdentity",
            ["Helpdesk:Email:Acs:Endpoint"] = "https://acs-fabrikam.europe.communication.azure.com/",
            ["Helpdesk:Email:Acs:ConnectionString"] = "",
            ["Helpdesk:Email:Acs:SenderAddress"] = Sender,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddHelpdeskNotifications();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.True(options.Acs.UsesManagedIdentity);
        Assert.IsType<AcsEmailSender>(provider.GetRequiredService<IEmailSender>());
    }
}
