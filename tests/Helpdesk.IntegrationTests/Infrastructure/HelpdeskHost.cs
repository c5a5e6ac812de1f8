using System.Net.Http.Headers;
using Helpdesk.Core.Storage;
using Helpdesk.Standalone.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The standalone host, composed exactly as in production (<c>Program.Create</c>), listening on a free
/// loopback port over real Kestrel, storing in Azurite under its own name prefix and mailing an in-process SMTP server.
/// </summary>
public sealed class HelpdeskHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789abcdef";

    /// <summary>The inbound mail key of test hosts (raw, SendGrid and Postmark routes).</summary>
    public const string InboundKey = "test-inbound-key-0123456789abcdef";

    /// <summary>The signing key of test hosts (base64 of 45 bytes): reply addresses, Message-IDs and status links.</summary>
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";

    private readonly WebApplication _app;

    private HelpdeskHost(WebApplication app, TestSmtpServer smtp, string prefix, Uri baseAddress)
    {
        _app = app;
        Smtp = smtp;
        Prefix = prefix;
        BaseAddress = baseAddress;
    }

    public TestSmtpServer Smtp { get; }
    public string Prefix { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="settings">Configuration on top of the test defaults below.</param>
    /// <param name="configure">Changes to the host's services (e.g. a Core service that fails on purpose).</param>
    public static async Task<HelpdeskHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var azurite = await Azurite.StartAsync();
        var taskHubs = await Azurite.StartTaskHubsAsync();
        var smtp = await TestSmtpServer.StartAsync();
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var app = Standalone.Program.Create([], builder =>
        {
            var config = new Dictionary<string, string?>
            {
                ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
                ["Helpdesk:Storage:Prefix"] = prefix,
                ["Helpdesk:ApiKey"] = ApiKey,
                ["Helpdesk:Inbound:Key"] = InboundKey,
                ["Helpdesk:Signing:Key"] = SigningKey,
                ["Helpdesk:Smtp:Host"] = smtp.Host,
                ["Helpdesk:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Helpdesk:Smtp:Security"] = "None",
                ["Helpdesk:SupportAddress"] = "support@helpdesk.test",
                ["Helpdesk:PublicBaseUrl"] = "http://helpdesk.test",
                ["Helpdesk:Durable:HubName"] = prefix + "hub",
                // The task hub on its own Azurite, as on Azure its own account (a test of the one-account
                // configuration sets this to null).
                ["DurableStorage"] = taskHubs.ConnectionString,
                // Every test posts from 127.0.0.1: the abuse limits of the public routes would refuse the fixture's
                // own traffic. Tests of the limits set their own.
                ["Helpdesk:RateLimits:TicketPosts"] = "100000",
                ["Helpdesk:RateLimits:FormGets"] = "100000",
                // Tests wait on queue consumers step after step: the production idle back-off ceiling (5 s) would add
                // seconds to each wait. The back-off itself is tested in Core (QueuePollingTests).
                [QueuePollingOptions.Section + ":MaxPollingInterval"] = "00:00:01",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                config[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await smtp.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HelpdeskHost(app, smtp, prefix, new Uri(address));
    }

    /// <summary>An anonymous client, as a requester's browser or script.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <summary>A technician's client, sending the API key.</summary>
    public HttpClient TechnicianClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Add(ApiKeyOptions.Header, ApiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public StorageClients Storage => Get<StorageClients>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
