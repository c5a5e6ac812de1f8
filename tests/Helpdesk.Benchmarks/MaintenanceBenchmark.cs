using System.Diagnostics;
using System.Globalization;
using System.Text;
using Helpdesk.Core;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Maintenance;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Benchmarks;

/// <summary>
/// Mode <c>maintenance</c>: the maintenance scan over N assets and the CSV import of N lines, in this process (the Core
/// services the hosts run, no HTTP) on a private Azurite with <c>--debug</c> to count storage requests.
/// Scan 1 finds the seeded reminders (1 % of the assets) and acts; scan 2 must find nothing new and send nothing;
/// requests per asset are counted for each. Memory is this process's (it holds the whole scan).
/// </summary>
internal static class MaintenanceBenchmark
{
    public const string Usage = "dotnet run -c Release --project tests/Helpdesk.Benchmarks -- maintenance [--assets 10000]";

    public static async Task RunAsync(string[] args, string repoRoot)
    {
        var count = args.Length >= 2 && args[0] == "--assets" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var log = Path.Combine(Path.GetTempPath(), $"azurite-maintenance-{Guid.NewGuid():N}.log");
        using var azurite = await Azurite.StartAsync(repoRoot, log);
        await using var smtp = await SmtpSink.StartAsync();
        var requests = new RequestLog(log);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Helpdesk:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Helpdesk:Smtp:Host"] = "127.0.0.1",
            ["Helpdesk:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Helpdesk:Smtp:Security"] = "None",
            ["Helpdesk:Maintenance:ItContact"] = "it@bench.test",
            ["Helpdesk:Maintenance:MaxTicketsPerScan"] = "1000",
            ["Helpdesk:Inventory:MaxImportRows"] = "100000",
            ["Helpdesk:Inventory:MaxImportBytes"] = "67108864",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(config)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
        services.AddHelpdeskStorage().AddHelpdeskTickets().AddHelpdeskIntake().AddHelpdeskNotifications().AddHelpdeskSla()
            .AddHelpdeskInventory().AddHelpdeskMaintenance();
        await using var provider = services.BuildServiceProvider();
        foreach (var initializer in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        Console.WriteLine($"maintenance benchmark: {count} assets, Azurite request log {log}");

        // CSV import of N lines (every line new), then the same file again (every line unchanged).
        var csv = Csv(count);
        var import = provider.GetRequiredService<AssetImport>();
        var watch = Stopwatch.StartNew();
        var (report, fatal) = await import.ImportAsync(csv, dryRun: false, CancellationToken.None);
        var importSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(fatal ?? $"import: {report!.Lines} lines ({csv.Length / 1024} KB), {report.Created} created, {report.Invalid} invalid in {importSeconds:0.00} s = {report.Lines / importSeconds:0} rows/s");
        watch.Restart();
        (report, _) = await import.ImportAsync(csv, dryRun: false, CancellationToken.None);
        Console.WriteLine($"re-import: {report!.Unchanged} unchanged, {report.Created + report.Updated} written in {watch.Elapsed.TotalSeconds:0.00} s = {report.Lines / watch.Elapsed.TotalSeconds:0} rows/s");

        var scanner = provider.GetRequiredService<MaintenanceScanner>();
        for (var scan = 1; scan <= 2; scan++)
        {
            var from = await requests.SettleAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20));
            watch.Restart();
            var run = await scanner.RunAsync(CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            var to = await requests.SettleAsync(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30));
            var counted = requests.Read(from, to);
            Console.WriteLine($"scan {scan}: {seconds:0.00} s, {run.AssetsRead} assets, {run.Findings} findings, {run.NewReminders} new, {run.TicketsOpened} tickets, {run.MailsSent} mails; " +
                $"{counted.Total} storage requests = {(double)counted.Total / run.AssetsRead:0.0000} per asset; {ProcessMemory.Read(Environment.ProcessId)}");
        }

        Console.WriteLine($"mails received by the SMTP sink: {smtp.Received}");
    }

    /// <summary>N assets; 1 % have a reminder (Windows 10, past its end of support); the rest are healthy.</summary>
    private static byte[] Csv(int count)
    {
        var text = new StringBuilder("tag;type;name;owner;site;manufacturer;model;serialNumber;os;osVersion;purchaseDate;warrantyEnd;criticality\r\n");
        for (var i = 1; i <= count; i++)
        {
            var os = i % 100 == 0 ? "Windows 10 Pro;22H2" : "Windows 11 Pro;25H2";
            text.Append(CultureInfo.InvariantCulture, $"PC-{i:D5};laptop;Poste {i};Employé {i % 300};Site {i % 7};Dell;Latitude 5440;SN{i:D8};{os};15/03/2025;15/03/2030;medium\r\n");
        }

        return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
