using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Web;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Standalone.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.IntegrationTests.Parity;

/// <summary>
/// The two hosts are twins: the Functions app's generated functions.metadata (what Azure actually binds) must list
/// exactly the standalone host's routes, methods and queues, and host.json must carry the queue settings the
/// standalone listener uses.
/// </summary>
public class HostParityTests
{
    [Fact]
    public void HttpRoutesAndMethods_AreTheSameInBothHosts()
    {
        var functions = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} {ApiRoutes.Prefix}/{b.GetProperty("route").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var standalone = StandaloneEndpoints()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {e.RoutePattern.RawText!.Trim('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(functions);
        Assert.Equal(functions, standalone);
    }

    /// <summary>
    /// Both Program.cs are the table of contents of the product: the same features, in the same order. The list is
    /// written in each on purpose (one hop from each host to any feature); this keeps the two copies equal.
    /// </summary>
    [Fact]
    public void BothPrograms_ListTheSameFeatures_InTheSameOrder()
    {
        static string[] Features(string project) =>
        [
            .. System.Text.RegularExpressions.Regex.Matches(
                    File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", project, "Program.cs")),
                    @"^\s*\.(AddHelpdesk(?:Storage|Tickets|Intake|Notifications|Sla|[A-Z]\w*?))\(\)\s*;?\s*//\s*(\w+)/",
                    System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}/"),
        ];

        var functions = Features("Helpdesk.Functions");

        Assert.Equal(["AddHelpdeskStorage Storage/", "AddHelpdeskTickets Tickets/", "AddHelpdeskIntake Intake/",
            "AddHelpdeskNotifications Notifications/", "AddHelpdeskSla Sla/", "AddHelpdeskInventory Inventory/",
            "AddHelpdeskMaintenance Maintenance/", "AddHelpdeskProviders Providers/", "AddHelpdeskConversation Conversation/", "AddHelpdeskEmail Email/", "AddHelpdeskTechnicians Technicians/", "AddHelpdeskConsole Console/", "AddHelpdeskOperations Operations/"], functions);
        Assert.Equal(functions, Features("Helpdesk.Standalone"));
    }

    [Fact]
    public void OnlyTheFormTicketCreationStatusPageHeartbeatsMailgunAndConsole_AreAnonymous_InTheFunctionsApp()
    {
        var authLevels = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => (Route: b.GetProperty("route").GetString()!, Level: b.GetProperty("authLevel").GetString()!))
            .ToList();

        // Heartbeats check their own key in Core (HeartbeatHandler), not a function key; the status page (GET and its
        // form POST) is public: its signed link is the key; Mailgun cannot send a function key: Core checks its HMAC
        // signature instead (InboundHandler).
        // Console pages are anonymous for the Functions host (a browser sends no function key): Easy Auth signs people in
        // and each page maps them to the roster (Core/Console/ConsoleHandler).
        Assert.Equal(new[] { InventoryRoutes.BackupHeartbeat, InventoryRoutes.PatchHeartbeat, IntakeRoutes.Form, IntakeRoutes.Tickets,
                Helpdesk.Core.Conversation.ConversationRoutes.Status, Helpdesk.Core.Conversation.ConversationRoutes.Status, Core.Email.InboundRoutes.Mailgun }
            .Order(StringComparer.Ordinal), authLevels.Where(a => a.Level == "Anonymous" && !a.Route.StartsWith("console", StringComparison.Ordinal)).Select(a => a.Route).Order(StringComparer.Ordinal));
        Assert.All(authLevels.Where(a => a.Level != "Anonymous"), a => Assert.Equal("Function", a.Level));
    }

    [Fact]
    public void QueueTriggers_MatchTheStandaloneListeners()
    {
        var functions = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "queueTrigger")
            .Select(b => b.GetProperty("queueName").GetString()!)
            .Order(StringComparer.Ordinal);

        using var app = BuildStandalone();
        var standalone = app.Services.GetServices<IHostedService>().OfType<QueueListener>().Select(l => l.QueueName).Order(StringComparer.Ordinal);

        Assert.NotEmpty(functions);
        Assert.Equal(functions, standalone);
    }

    [Fact]
    public void OrchestrationsAndActivities_AreTheCatalogsEntries()
    {
        var metadata = FunctionsMetadata();
        string[] Named(string trigger) => [.. metadata
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == trigger))
            .Select(f => f.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)];

        using var app = BuildStandalone();
        var catalog = app.Services.GetRequiredService<Helpdesk.Core.Durable.DurableCatalog>();

        Assert.NotEmpty(Named("orchestrationTrigger"));
        Assert.NotEmpty(Named("activityTrigger"));
        Assert.Equal(Named("orchestrationTrigger"), catalog.Orchestrations.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Named("activityTrigger"), catalog.Activities.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TimerSchedules_MatchTheStandaloneCronJobs()
    {
        var functions = FunctionsMetadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "timerTrigger")
                .Select(b => $"{f.GetProperty("name").GetString()} {b.GetProperty("schedule").GetString()} {b.GetProperty("runOnStartup").GetBoolean()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var app = BuildStandalone();
        var standalone = app.Services.GetRequiredService<Helpdesk.Standalone.Schedules.CronJobService>().Jobs
            .Select(j => $"{j.Name} {j.Schedule} {j.RunOnStartup}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(functions);
        Assert.NotEmpty(standalone);
        Assert.Equal(functions, standalone);
        Assert.Contains($"{SlaSchedules.ReconcileName} {SlaSchedules.Reconcile} True", standalone);
        Assert.Contains($"{IntakeSchedules.AttachmentSweepName} {IntakeSchedules.AttachmentSweep} False", standalone);
        Assert.Contains($"{Helpdesk.Core.Maintenance.MaintenanceSchedules.ScanName} {Helpdesk.Core.Maintenance.MaintenanceSchedules.Scan} False", standalone);
    }

    [Fact]
    public void AttachmentSweepSchedule_RunsDailyAtHalfPastThree()
    {
        var schedule = NCrontab.CrontabSchedule.Parse(IntakeSchedules.AttachmentSweep, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true });

        var next = schedule.GetNextOccurrence(new DateTime(2027, 3, 28, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2027, 3, 29, 3, 30, 0, DateTimeKind.Utc), next);
        Assert.Equal(TimeSpan.FromDays(1), schedule.GetNextOccurrence(next) - next);
    }

    [Fact]
    public void SlaReconcileSchedule_RunsDailyAtThree()
    {
        var schedule = NCrontab.CrontabSchedule.Parse(SlaSchedules.Reconcile, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true });

        var next = schedule.GetNextOccurrence(new DateTime(2027, 3, 28, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2027, 3, 29, 3, 0, 0, DateTimeKind.Utc), next);
        Assert.Equal(TimeSpan.FromDays(1), schedule.GetNextOccurrence(next) - next);
    }

    [Fact]
    public void HostJson_QueueSettings_EqualTheStandaloneListenerSettings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var queues = doc.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(QueueRules.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(QueueRules.RetryDelay, TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new QueuePollingOptions().MaxPollingInterval, TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ApiRoutes.Prefix, doc.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HostJson_DurableSettings_EqualTheStandaloneEngineDefaults()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var durable = doc.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var defaults = new Helpdesk.Standalone.Durable.DurableEngineOptions();

        Assert.Equal(defaults.HubName, durable.GetProperty("hubName").GetString());
        var provider = durable.GetProperty("storageProvider");
        Assert.Equal(defaults.MaxQueuePollingInterval,
            TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults.PartitionCount, provider.GetProperty("partitionCount").GetInt32());
        // The task hub's own storage: the same connection name in both hosts.
        Assert.Equal(Helpdesk.Standalone.Durable.DurableEngineOptions.ConnectionName, provider.GetProperty("connectionName").GetString());
        Assert.Equal(defaults.ExtendedSessions, durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.Equal(defaults.ExtendedSessionIdleTimeout.TotalSeconds, durable.GetProperty("extendedSessionIdleTimeoutInSeconds").GetInt32());
    }

    /// <summary>The metadata file the Worker SDK generated for the configuration this test was built with.</summary>
    private static List<JsonElement> FunctionsMetadata()
    {
        var path = RepoPaths.BuildOutput("Helpdesk.Functions", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}: build Helpdesk.Functions first.");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static WebApplication BuildStandalone() =>
        Standalone.Program.Create([], b =>
        {
            b.Configuration["Helpdesk:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
            b.Configuration["Helpdesk:ApiKey"] = new string('k', 32);
            b.Configuration["Helpdesk:Signing:Key"] = HelpdeskHost.SigningKey;
        });

    private static List<RouteEndpoint> StandaloneEndpoints()
    {
        var app = BuildStandalone();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];
    }
}
