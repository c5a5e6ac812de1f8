using Helpdesk.Core.Storage;
using System.Text;
using Helpdesk.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tests.Notifications;

public class AcsEmailSenderTests
{
    // Known vector. The expected values were computed outside .NET (Python hashlib/hmac/base64) from these inputs:
    //   key  = base64("helpdesk-known-vector-access-key!")
    //   date = Tue, 03 Mar 2026 10:15:00 GMT, host contoso.communication.azure.com
    //   body = {"senderAddress":"DoNotReply@example.azurecomm.net"}
    private const string Key = "aGVscGRlc2sta25vd24tdmVjdG9yLWFjY2Vzcy1rZXkh";
    private const string Body = """{"senderAddress":"DoNotReply@example.azurecomm.net"}""";
    private const string BodyHash = "USRNaqkEMxsy4DBVuZt0zHdRSJRxetkT1b3up+qGqhA=";
    private const string PostSignature = "KK2C7NRLnCCi/cflMlIKxO/2TTRn0jY0487BMBHrpZA=";
    private const string EmptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    private const string GetSignature = "u9j2R4++TqhIWgeU0L08Hp1H5c0Y2+rEvb20YDnRXjc=";
    private static readonly DateTimeOffset s_date = new(2026, 3, 3, 11, 15, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Sign_PostRequest_MatchesKnownVector()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://contoso.communication.azure.com/emails:send?api-version=2023-03-31");

        AcsRequestSigning.Sign(request, Encoding.UTF8.GetBytes(Body), Convert.FromBase64String(Key), s_date);

        Assert.Equal("Tue, 03 Mar 2026 10:15:00 GMT", Header(request, "x-ms-date"));
        Assert.Equal(BodyHash, Header(request, "x-ms-content-sha256"));
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={PostSignature}", Header(request, "Authorization"));
        Assert.Equal(
            $"POST\n/emails:send?api-version=2023-03-31\nTue, 03 Mar 2026 10:15:00 GMT;contoso.communication.azure.com;{BodyHash}",
            AcsRequestSigning.StringToSign("POST", "/emails:send?api-version=2023-03-31", "Tue, 03 Mar 2026 10:15:00 GMT", "contoso.communication.azure.com", BodyHash));
    }

    [Fact]
    public void Sign_GetWithPort_SignsHostWithPortAndEmptyBodyHash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5123/emails/operations/abc?api-version=2023-03-31");

        AcsRequestSigning.Sign(request, [], Convert.FromBase64String(Key), s_date);

        Assert.Equal(EmptyHash, Header(request, "x-ms-content-sha256"));
        Assert.EndsWith($"&Signature={GetSignature}", Header(request, "Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void OperationId_IsAStableGuidPerMessageId()
    {
        var a = AcsEmailSender.OperationIdFor("<ticket-1001-ack@contoso.be>");

        Assert.Equal(a, AcsEmailSender.OperationIdFor("ticket-1001-ack@contoso.be"));
        Assert.NotEqual(a, AcsEmailSender.OperationIdFor("<ticket-1002-ack@contoso.be>"));
        Assert.True(Guid.TryParseExact(a, "D", out _));
    }

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key, "https://contoso.communication.azure.com/")]
    [InlineData("AccessKey=" + Key + "; Endpoint=https://contoso.communication.azure.com", "https://contoso.communication.azure.com/")]
    [InlineData("endpoint=http://127.0.0.1:8080;accesskey=" + Key, "http://127.0.0.1:8080/")]
    public void ConnectionString_Parses(string value, string endpoint)
    {
        var parsed = AcsConnectionString.Parse(value);

        Assert.Equal(new Uri(endpoint), parsed.Endpoint);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccessKey);
        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=acs-connection-string)", "unresolved Key Vault reference")]
    [InlineData("endpoint=http://contoso.communication.azure.com/;accesskey=" + Key, "endpoint=https://")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not base64!", "accesskey=")]
    [InlineData("accesskey=" + Key, "endpoint=https://")]
    public void Validator_RefusesBadAcsSettings(string connectionString, string expected)
    {
        var options = new EmailOptions { Provider = "acs", Acs = { ConnectionString = connectionString, SenderAddress = "DoNotReply@x.azurecomm.net" } };

        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Helpdesk:Email:Acs:ConnectionString ", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_SmtpProviderIgnoresAcsSettings_UnknownProviderRefused()
    {
        Assert.True(new EmailOptionsValidator().Validate(null, new EmailOptions { Acs = { ConnectionString = "@Microsoft.KeyVault(x)" } }).Succeeded);
        Assert.Equal(
            ["Helpdesk:Email:Provider must be Smtp or Acs (was 'SendGrid')."],
            new EmailOptionsValidator().Validate(null, new EmailOptions { Provider = "SendGrid" }).Failures);
    }

    [Theory]
    [InlineData(null, typeof(SmtpEmailSender))]
    [InlineData("Smtp", typeof(SmtpEmailSender))]
    [InlineData("Acs", typeof(AcsEmailSender))]
    public void Registration_PicksTheConfiguredAdapter(string? provider, Type expected)
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Helpdesk:Email:Provider"] = provider,
            ["Helpdesk:Email:Acs:ConnectionString"] = "endpoint=https://contoso.communication.azure.com/;accesskey=" + Key,
            ["Helpdesk:Email:Acs:SenderAddress"] = "DoNotReply@x.azurecomm.net",
        });

        Assert.IsType(expected, services.GetRequiredService<IEmailSender>());
    }

    [Fact]
    public void Registration_UnresolvedKeyVaultReference_FailsWithClearMessage()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Helpdesk:Email:Provider"] = "Acs",
            ["Helpdesk:Email:Acs:ConnectionString"] = "@Microsoft.KeyVault(VaultName=kv;SecretName=acs-connection-string)",
            ["Helpdesk:Email:Acs:SenderAddress"] = "DoNotReply@x.azurecomm.net",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IEmailSender>());
        Assert.Contains("Helpdesk:Email:Acs:ConnectionString is an unresolved Key Vault reference", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings["Helpdesk:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        settings["Helpdesk:Signing:Key"] = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHelpdeskStorage().AddHelpdeskNotifications();
        return services.BuildServiceProvider();
    }

    private static string Header(HttpRequestMessage request, string name) => string.Join(",", request.Headers.GetValues(name));
}
