using Helpdesk.Core.Inventory;
using Helpdesk.Core.Maintenance;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.IntegrationTests.Maintenance;

/// <summary>The reminder rules on a fake clock: thresholds crossed between scans, a year boundary, daylight saving.</summary>
public class MaintenanceRulesTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static MaintenanceRules Rules(MaintenanceOptions? options = null) =>
        new(OsLifecycleCatalog.Shipped.WithOverrides((options ?? new()).OsEndOfSupport), options ?? new MaintenanceOptions(), Brussels);

    private static Asset Asset(string tag = "PC-042") => new() { Tag = tag, Type = AssetType.Laptop, Name = "Portable de Marie" };

    private static List<string> Thresholds(MaintenanceRules rules, Asset asset, DateTimeOffset now, string rule) =>
        [.. rules.Evaluate(asset, now, rules.PlanOccurrences(now)).Where(f => f.Rule == rule).Select(f => f.Threshold)];

    [Fact]
    public void Windows10_ThresholdsCrossedBetweenScans_EachFoundOnItsDay()
    {
        var rules = Rules();
        var pc = Asset() with { Os = "Windows 10 Pro", OsVersion = "22H2" };
        // Windows 10 ended on 2025-10-14 (catalog). Scans at 08:00 Brussels on the days around each threshold.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 15, 6, 0, 0, TimeSpan.Zero)); // 91 days before
        var seen = new List<string>();
        for (var day = 0; day < 100; day++)
        {
            seen.AddRange(Thresholds(rules, pc, clock.GetUtcNow(), MaintenanceRules.OsRule));
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(["90d", "30d", "7d", "past"], seen.Distinct());
        Assert.Empty(Thresholds(rules, pc, new DateTimeOffset(2025, 7, 15, 6, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule));
        Assert.Equal(["90d"], Thresholds(rules, pc, new DateTimeOffset(2025, 7, 16, 6, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule));
        Assert.Equal(["7d"], Thresholds(rules, pc, new DateTimeOffset(2025, 10, 7, 6, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule));
        Assert.Equal(["past"], Thresholds(rules, pc, new DateTimeOffset(2025, 10, 14, 6, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule));
    }

    [Fact]
    public void AScanThatSkipsDays_FindsTheMostUrgentThresholdReached()
    {
        var rules = Rules();
        var pc = Asset() with { Os = "Windows 10", OsVersion = "21H2" };

        Assert.Equal(["30d"], Thresholds(rules, pc, new DateTimeOffset(2025, 9, 24, 12, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule)); // 20 days left
    }

    [Fact]
    public void TenantOverride_MovesTheDate_ForExtendedSecurityUpdates()
    {
        var options = new MaintenanceOptions();
        options.OsEndOfSupport["windows-10"] = "2026-10-13";
        var rules = Rules(options);
        var pc = Asset() with { Os = "Windows 10 Pro", OsVersion = "22H2" };

        Assert.Empty(Thresholds(rules, pc, new DateTimeOffset(2025, 10, 20, 12, 0, 0, TimeSpan.Zero), MaintenanceRules.OsRule));
        var finding = rules.Evaluate(pc, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), []).Single();
        Assert.Equal("30d", finding.Threshold);
        Assert.Contains("OsEndOfSupport:windows-10", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Warranty_AcrossTheYearBoundary_CountsCalendarDaysInBrussels()
    {
        var rules = Rules();
        var nas = Asset("NAS-01") with { Type = AssetType.Storage, WarrantyEnd = new DateOnly(2027, 1, 5) };

        Assert.Empty(Thresholds(rules, nas, new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero), MaintenanceRules.WarrantyRule)); // 61 days
        Assert.Equal(["60d"], Thresholds(rules, nas, new DateTimeOffset(2026, 11, 6, 12, 0, 0, TimeSpan.Zero), MaintenanceRules.WarrantyRule));
        // 2026-12-28 23:30 UTC is already 2026-12-29 in Brussels: 7 days left there.
        Assert.Equal(["7d"], Thresholds(rules, nas, new DateTimeOffset(2026, 12, 28, 23, 30, 0, TimeSpan.Zero), MaintenanceRules.WarrantyRule));
        Assert.Equal(["30d"], Thresholds(rules, nas, new DateTimeOffset(2026, 12, 28, 22, 30, 0, TimeSpan.Zero), MaintenanceRules.WarrantyRule));
        Assert.Empty(Thresholds(rules, nas, new DateTimeOffset(2027, 1, 6, 12, 0, 0, TimeSpan.Zero), MaintenanceRules.WarrantyRule));
    }

    [Fact]
    public void Warranty_OverTheSpringDaylightSavingChange_StillCountsWholeDays()
    {
        var rules = Rules();
        var printer = Asset("PR-01") with { Type = AssetType.Printer, WarrantyEnd = new DateOnly(2027, 4, 4) };
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 27, 22, 59, 0, TimeSpan.Zero)); // 23:59 CET, 8 days left

        Assert.Equal(["30d"], Thresholds(rules, printer, clock.GetUtcNow(), MaintenanceRules.WarrantyRule));
        clock.Advance(TimeSpan.FromMinutes(2)); // 00:01 CET on the 28th, the night clocks go forward at 02:00
        Assert.Equal(["7d"], Thresholds(rules, printer, clock.GetUtcNow(), MaintenanceRules.WarrantyRule));
        clock.Advance(TimeSpan.FromHours(23)); // 00:01 CEST on the 29th: the 23-hour day counted as one day
        var finding = rules.Evaluate(printer, clock.GetUtcNow(), []).Single();
        Assert.Equal(6, finding.Days);
    }

    [Fact]
    public void Backup_StaleAfterItsIntervalPlusGrace_AndEachLapseIsItsOwnReminder()
    {
        var rules = Rules();
        var now = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var server = Asset("SRV-01") with { Type = AssetType.Server, BackupEvery = 1, Criticality = Criticality.Critical };

        Assert.Equal(["never"], Thresholds(rules, server, now, MaintenanceRules.BackupRule));
        Assert.Empty(Thresholds(rules, server with { LastBackupAt = now.AddHours(-35) }, now, MaintenanceRules.BackupRule));
        var stale = rules.Evaluate(server with { LastBackupAt = now.AddHours(-37) }, now, []).Single();
        Assert.Equal("since-20270308T200000", stale.Threshold);
        Assert.Equal(Urgency.Urgent, stale.Urgency);
        Assert.NotEqual(stale.Threshold, Thresholds(rules, server with { LastBackupAt = now.AddHours(-40) }, now, MaintenanceRules.BackupRule).Single());
    }

    [Fact]
    public void Patch_StaleAfterTheConfiguredAge_OnlyForAssetsThatReportUpdates()
    {
        var rules = Rules(new MaintenanceOptions { PatchMaxAgeDays = 30 });
        var now = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Empty(Thresholds(rules, Asset(), now, MaintenanceRules.PatchRule));
        Assert.Empty(Thresholds(rules, Asset() with { LastPatchAt = now.AddDays(-29) }, now, MaintenanceRules.PatchRule));
        Assert.Single(Thresholds(rules, Asset() with { LastPatchAt = now.AddDays(-31) }, now, MaintenanceRules.PatchRule));
    }

    [Fact]
    public void Plan_EveryMonday_OneOccurrencePerWeek_PerAssetOfItsType()
    {
        var options = new MaintenanceOptions();
        options.Plans.Add(new MaintenancePlanOptions { Id = "weekend-backup", Title = "Vérifier la sauvegarde du week-end", Schedule = "0 8 * * 1", AssetType = "server" });
        var rules = Rules(options);
        var server = Asset("SRV-01") with { Type = AssetType.Server };
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 7, 30, 0, TimeSpan.Zero)); // Monday 08:30 CET

        var monday = Thresholds(rules, server, clock.GetUtcNow(), "plan-weekend-backup");
        clock.Advance(TimeSpan.FromDays(3));
        var thursday = Thresholds(rules, server, clock.GetUtcNow(), "plan-weekend-backup");
        clock.Advance(TimeSpan.FromDays(4));
        var nextMonday = Thresholds(rules, server, clock.GetUtcNow(), "plan-weekend-backup");

        Assert.Equal(["202703010800"], monday);
        Assert.Equal(monday, thursday);
        Assert.Equal(["202703080800"], nextMonday);
        Assert.Empty(Thresholds(rules, Asset(), clock.GetUtcNow(), "plan-weekend-backup"));
    }

    [Fact]
    public void RetiredAsset_HasNoFindings()
    {
        var rules = Rules();
        var old = Asset() with { Os = "Windows 7", WarrantyEnd = new DateOnly(2027, 3, 12), BackupEvery = 1, Status = AssetStatus.Retired };

        Assert.Empty(rules.Evaluate(old, new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero), []));
    }

    [Theory]
    [InlineData("Windows 10 Enterprise LTSC 2019", null, "windows-10-ltsc-2019")]
    [InlineData("Windows 10 Pro", "22H2", "windows-10")]
    [InlineData("Windows 11 Pro", "23H2", "windows-11-23h2")]
    [InlineData("windows 11 enterprise", "23h2", "windows-11-enterprise-23h2")]
    [InlineData("Windows 11", "24H2", "windows-11-24h2")]
    [InlineData("Windows Server 2012 R2", null, "windows-server-2012")]
    [InlineData("macOS", "13.6.1", "macos-13")]
    [InlineData("Ubuntu", "22.04.4 LTS", "ubuntu-22-04")]
    [InlineData("Debian", "12", "debian-12")]
    [InlineData("macOS", "15.1", null)]
    [InlineData("Windows 11 Pro", null, null)]
    [InlineData("FortiOS", "7.2", null)]
    public void Catalog_MatchesTheMostSpecificEntry(string os, string? version, string? expected)
    {
        Assert.Equal(expected, OsLifecycleCatalog.Shipped.Match(os, version)?.Id);
    }

    [Fact]
    public void Catalog_EveryDateHasAPublicSource()
    {
        Assert.NotEmpty(OsLifecycleCatalog.Shipped.Entries);
        Assert.All(OsLifecycleCatalog.Shipped.Entries, e => Assert.StartsWith("https://", e.Source, StringComparison.Ordinal));
        Assert.Equal(OsLifecycleCatalog.Shipped.Entries.Count, OsLifecycleCatalog.Shipped.Entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Options_WithAnUnknownCatalogIdOrABadPlan_FailAtStart()
    {
        var options = new MaintenanceOptions { Language = "de" };
        options.OsEndOfSupport["windows-95"] = "2001-12-31";
        options.Plans.Add(new MaintenancePlanOptions { Id = "Firmware!", Title = "", Schedule = "every monday", AssetType = "toaster" });

        var result = new MaintenanceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("OsEndOfSupport:windows-95", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Plans:0:Schedule", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Plans:0:Id", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Plans:0:AssetType", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains(":Language", StringComparison.Ordinal));
    }
}
