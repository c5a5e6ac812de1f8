using Helpdesk.Core.Durable;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Technicians;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>The application core alone (no HTTP, no background services) over Azurite, under a fresh name prefix.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreServices(ServiceProvider provider) => _provider = provider;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<CoreServices> StartAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var azurite = await Azurite.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Helpdesk:Signing:Key"] = HelpdeskHost.SigningKey,
            ["Helpdesk:Storage:Prefix"] = "c" + Guid.NewGuid().ToString("N")[..12],
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddHelpdeskStorage().AddHelpdeskTickets().AddHelpdeskIntake().AddHelpdeskNotifications().AddHelpdeskSla().AddHelpdeskTechnicians();
        // No durable engine runs here: a test that reaches the SLA timers registers its own client first.
        services.TryAddSingleton<IOrchestrationClient, NoDurableEngine>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        foreach (var initializer in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }
        return new CoreServices(provider);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
