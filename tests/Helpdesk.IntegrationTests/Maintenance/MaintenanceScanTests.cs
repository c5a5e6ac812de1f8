using Azure.Data.Tables;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Maintenance;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.IntegrationTests.Maintenance;

/// <summary>The maintenance scan on Azurite with a real SMTP server and a fake clock: reminders exactly once, across repeats and crashes.</summary>
public sealed class MaintenanceScanTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 10, 7, 0, 0, TimeSpan.Zero));
    private readonly CancelAfterPublishes _publisher = new();
    private TestSmtpServer _smtp = null!;
    private bool _smtpStopped;
    private CoreServices _core = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _core = await CoreServices.StartAsync(
            services =>
            {
                services.AddHelpdeskInventory().AddHelpdeskMaintenance();
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
                // Counts ticket creations (each publishes "created") and can stop the scan after the n-th: a crash half-way.
                services.Replace(ServiceDescriptor.Singleton<ITicketEventPublisher>(sp =>
                {
                    _publisher.Inner = ActivatorUtilities.CreateInstance<QueueTicketEventPublisher>(sp);
                    return _publisher;
                }));
            },
            new Dictionary<string, string?>
            {
                ["Helpdesk:Smtp:Host"] = _smtp.Host,
                ["Helpdesk:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Helpdesk:Smtp:Security"] = "None",
                ["Helpdesk:SupportAddress"] = "support@helpdesk.test",
                ["Helpdesk:Maintenance:ItContact"] = "it@client.test",
                ["Helpdesk:Maintenance:Language"] = "fr",
                ["Helpdesk:Maintenance:Plans:0:Id"] = "weekend-backup",
                ["Helpdesk:Maintenance:Plans:0:Title"] = "Vérifier la sauvegarde du week-end",
                ["Helpdesk:Maintenance:Plans:0:Schedule"] = "0 8 * * 1",
                ["Helpdesk:Maintenance:Plans:0:AssetType"] = "server",
            });
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        if (!_smtpStopped)
        {
            await _smtp.DisposeAsync();
        }
    }

    /// <summary>A small fleet with one finding of each kind (7 reminders, 6 of which open a ticket), a healthy and a retired asset.</summary>
    private async Task SeedFleetAsync()
    {
        var store = _core.Get<AssetStore>();
        var now = _clock.GetUtcNow();
        Asset[] fleet =
        [
            new() { Tag = "PC-001", Type = AssetType.Workstation, Name = "Accueil", Os = "Windows 10 Pro", OsVersion = "22H2" },             // past EOS: ticket
            new() { Tag = "PC-002", Type = AssetType.Laptop, Name = "Comptable", Os = "Ubuntu", OsVersion = "22.04.4 LTS" },                // 90d: digest only
            new() { Tag = "NAS-01", Type = AssetType.Storage, Name = "Synology", WarrantyEnd = new DateOnly(2027, 3, 15), BackupEvery = 1, LastBackupAt = now.AddHours(-2) }, // 7d warranty
            new() { Tag = "SRV-01", Type = AssetType.Server, Name = "Serveur fichiers", BackupEvery = 1, LastBackupAt = now.AddDays(-3), Criticality = Criticality.Critical }, // stale backup + plan
            new() { Tag = "PC-003", Type = AssetType.Laptop, Name = "Direction", LastPatchAt = now.AddDays(-60) },                            // stale patch
            new() { Tag = "SRV-02", Type = AssetType.Server, Name = "Serveur AD", Os = "Windows Server 2022", BackupEvery = 1, LastBackupAt = now.AddHours(-1) }, // plan only
            new() { Tag = "PC-004", Type = AssetType.Laptop, Name = "Stagiaire", Os = "Windows 11 Pro", OsVersion = "25H2", WarrantyEnd = new DateOnly(2029, 1, 1) },   // healthy
            new() { Tag = "PC-005", Type = AssetType.Laptop, Name = "Ancien", Os = "Windows 7", Status = AssetStatus.Retired },            // retired
        ];
        foreach (var asset in fleet)
        {
            Assert.NotNull(await store.CreateAsync(asset, default));
        }
    }

    private async Task<List<Ticket>> MaintenanceTicketsAsync()
    {
        var table = _core.Get<StorageClients>().Table(StorageClients.TicketsTable);
        var tickets = new List<Ticket>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {TicketStore.TicketRow}")))
        {
            tickets.Add((await _core.Get<TicketStore>().GetAsync(e.GetInt32("Number")!.Value, default))!.Ticket);
        }

        return [.. tickets.Where(t => t.Channel == "maintenance")];
    }

    private static readonly string[] s_expectedSubjects =
    [
        "PC-001 Accueil: Windows 10 Pro 22H2 n'est plus supporté depuis le 14/10/2025",
        "PC-002 Comptable: fin de support de Ubuntu 22.04.4 LTS le 30/04/2027 (dans 51 jours)",
        "NAS-01 Synology: fin de garantie le 15/03/2027 (dans 5 jours)",
        "SRV-01 Serveur fichiers: dernière sauvegarde le 07/03/2027 (attendue tous les 1 jours)",
        "PC-003 Direction: dernières mises à jour le 09/01/2027 (plus de 35 jours)",
        "SRV-01 Serveur fichiers: Vérifier la sauvegarde du week-end (prévu le 08/03/2027)",
        "SRV-02 Serveur AD: Vérifier la sauvegarde du week-end (prévu le 08/03/2027)",
    ];

    [Fact]
    public async Task TwoScansInARow_SendOneSetOfReminders()
    {
        await SeedFleetAsync();
        var scanner = _core.Get<MaintenanceScanner>();

        var first = await scanner.RunAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await scanner.RunAsync(default);

        Assert.Equal(("succeeded", 8, 7, 6, 1), (first.Status, first.AssetsRead, first.NewReminders, first.TicketsOpened, first.MailsSent));
        Assert.Equal(("succeeded", 7, 0, 0, 0), (second.Status, second.Findings, second.NewReminders, second.TicketsOpened, second.MailsSent));
        var digest = Assert.Single(_smtp.Messages);
        Assert.Equal("it@client.test", digest.To.Mailboxes.Single().Address);
        Assert.StartsWith("[Maintenance] 7 rappels, dont", digest.Subject, StringComparison.Ordinal);
        foreach (var subject in s_expectedSubjects)
        {
            Assert.Contains(subject, digest.TextBody, StringComparison.Ordinal);
        }

        Assert.Equal("auto-generated", digest.Headers["Auto-Submitted"]);
        var tickets = await MaintenanceTicketsAsync();
        Assert.Equal(6, tickets.Count);
        Assert.All(tickets, t => Assert.Equal("it@client.test", t.Requester.Email));
        Assert.Equal(["NAS-01", "PC-001", "PC-003", "SRV-01", "SRV-01", "SRV-02"], tickets.Select(t => t.AssetTag).Order(StringComparer.Ordinal));
        Assert.Contains(tickets, t => t.Subject.StartsWith("PC-001 Accueil: Windows 10 Pro 22H2 n'est plus supporté", StringComparison.Ordinal));
        Assert.Equal(7, second.Findings);
    }

    [Fact]
    public async Task AScanKilledHalfWay_AndRunAgain_SendsEachReminderExactlyOnce()
    {
        await SeedFleetAsync();
        var scanner = _core.Get<MaintenanceScanner>();
        using var kill = new CancellationTokenSource();
        _publisher.CancelAfter(3, kill);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scanner.RunAsync(kill.Token));
        Assert.Empty(_smtp.Messages);
        Assert.Equal(3, (await MaintenanceTicketsAsync()).Count);

        _publisher.CancelAfter(int.MaxValue, null);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var rerun = await scanner.RunAsync(default);
        _clock.Advance(TimeSpan.FromHours(1));
        var third = await scanner.RunAsync(default);

        Assert.Equal(0, rerun.NewReminders);
        var tickets = await MaintenanceTicketsAsync();
        Assert.Equal(6, tickets.Count);
        Assert.Equal(6, tickets.Select(t => t.SourceReference).Distinct().Count());
        var digest = Assert.Single(_smtp.Messages);
        foreach (var subject in s_expectedSubjects)
        {
            Assert.Equal(1, Occurrences(digest.TextBody, subject));
        }

        Assert.Equal(6, Occurrences(digest.TextBody, "— ticket #"));
        Assert.Equal(0, third.MailsSent + third.TicketsOpened);
        var runs = await _core.Get<MaintenanceRunStore>().LatestAsync(10, null, default);
        Assert.Equal(["succeeded", "succeeded", "interrupted"], runs.Select(r => r.Status));
        Assert.Equal(runs[2].Id, runs[1].PreviousRunInterrupted);
        Assert.Contains("L'analyse précédente s'est interrompue", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedDigest_IsRecordedAsAFailedRun_AndItsTicketsAreKept()
    {
        await SeedFleetAsync();
        var scanner = _core.Get<MaintenanceScanner>();
        await _smtp.DisposeAsync(); // the mail server is down
        _smtpStopped = true;

        await Assert.ThrowsAnyAsync<Exception>(() => scanner.RunAsync(default));
        var failed = (await _core.Get<MaintenanceRunStore>().LatestAsync(1, null, default)).Single();

        Assert.Equal("failed", failed.Status);
        Assert.Equal(6, failed.TicketsOpened);
        Assert.Contains("next scan", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(6, (await MaintenanceTicketsAsync()).Count);
    }

    [Fact]
    public async Task AClearedCondition_ReArmsItsRule()
    {
        await SeedFleetAsync();
        var scanner = _core.Get<MaintenanceScanner>();
        var store = _core.Get<AssetStore>();
        await scanner.RunAsync(default);

        // The backup tool reports a success: the stale-backup reminder clears.
        _clock.Advance(TimeSpan.FromHours(1));
        var server = (await store.GetAsync("SRV-01", default))!;
        await store.ReplaceAsync(server.Asset with { LastBackupAt = _clock.GetUtcNow() }, server.ETag, default);
        var cleared = await scanner.RunAsync(default);
        // Three days without backup again: a new reminder, a new ticket.
        _clock.Advance(TimeSpan.FromDays(3));
        var again = await scanner.RunAsync(default);

        Assert.Equal(1, cleared.RemindersCleared);
        Assert.Contains(_smtp.Messages, m => (m.TextBody ?? "").Contains("SRV-01 Serveur fichiers: dernière sauvegarde le 10/03/2027", StringComparison.Ordinal));
        Assert.True(again.NewReminders >= 1);
        Assert.Equal(2, (await MaintenanceTicketsAsync()).Count(t => t.AssetTag == "SRV-01" && t.Category == Category.Other && t.Subject.Contains("sauvegarde le", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ScansThatDidNotRunWhenDue_AreReportedByTheNextOne()
    {
        var scanner = _core.Get<MaintenanceScanner>();
        _clock.Advance(TimeSpan.FromMinutes(15)); // on schedule: 07:15 UTC
        await scanner.RunAsync(default);
        _clock.Advance(TimeSpan.FromHours(3)); // 08:15 and 09:15 did not run

        var next = await scanner.RunAsync(default);

        Assert.Equal(2, next.MissedRuns);
    }

    private static int Occurrences(string? text, string part)
    {
        var count = 0;
        text ??= "";
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Publishes through the real queue publisher, and cancels a token after the n-th publish.</summary>
    private sealed class CancelAfterPublishes : ITicketEventPublisher
    {
        private int _count;
        private int _limit = int.MaxValue;
        private CancellationTokenSource? _kill;

        public QueueTicketEventPublisher Inner { get; set; } = null!;

        public void CancelAfter(int publishes, CancellationTokenSource? kill)
        {
            _count = 0;
            _limit = publishes;
            _kill = kill;
        }

        public async Task PublishAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
        {
            await Inner.PublishAsync(ticketEvent, cancellationToken);
            if (Interlocked.Increment(ref _count) == _limit)
            {
                await _kill!.CancelAsync();
            }
        }
    }
}
