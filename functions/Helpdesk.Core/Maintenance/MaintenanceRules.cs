using System.Globalization;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;
using NCrontab;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// The reminder rules, pure: an asset and a moment in, findings out. Day counts are calendar days in the tenant's time
/// zone (so a daylight-saving change or a year boundary moves nothing), thresholds are "at most N days left": a scan
/// that happens 20 days before an end of support finds the 30-day reminder, and the 7-day one later; each threshold is
/// its own reminder. Retired assets have no findings.
/// </summary>
public sealed class MaintenanceRules(OsLifecycleCatalog catalog, MaintenanceOptions options, TimeZoneInfo zone)
{
    public const string OsRule = "os-eos";
    public const string WarrantyRule = "warranty";
    public const string BackupRule = "backup";
    public const string PatchRule = "patch";
    public const string PlanRulePrefix = "plan-";

    public static readonly IReadOnlyList<int> OsThresholds = [90, 30, 7];
    public static readonly IReadOnlyList<int> WarrantyThresholds = [60, 30, 7];

    /// <summary>Plans look back at most this far for their latest occurrence.</summary>
    public static readonly TimeSpan PlanLookBack = TimeSpan.FromDays(366);

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>Every plan's latest occurrence at <paramref name="now"/> (local time of the tenant), computed once per scan.</summary>
    public IReadOnlyList<(MaintenancePlanOptions Plan, DateTime Occurrence)> PlanOccurrences(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var result = new List<(MaintenancePlanOptions, DateTime)>();
        foreach (var plan in options.Plans)
        {
            var schedule = CrontabSchedule.Parse(plan.Schedule);
            // The last occurrence at or before now: the occurrences of the look-back window, last one kept.
            DateTime? latest = null;
            foreach (var occurrence in schedule.GetNextOccurrences(local - PlanLookBack, local.AddSeconds(1)))
            {
                latest = occurrence;
            }

            if (latest is { } at)
            {
                result.Add((plan, at));
            }
        }

        return result;
    }

    public IEnumerable<Finding> Evaluate(Asset asset, DateTimeOffset now, IReadOnlyList<(MaintenancePlanOptions Plan, DateTime Occurrence)> plans)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(plans);
        if (asset.Status == AssetStatus.Retired)
        {
            yield break;
        }

        var today = Today(now);
        var urgentIfCritical = asset.Criticality >= Criticality.High ? Urgency.Urgent : Urgency.Soon;
        if (catalog.Match(asset.Os, asset.OsVersion) is { } os)
        {
            var days = os.EndOfSupport.DayNumber - today.DayNumber;
            var threshold = days <= 0 ? "past" : OsThresholds.Where(t => days <= t).Select(t => t + "d").LastOrDefault();
            if (threshold is not null)
            {
                var urgency = days <= 7 ? Urgency.Urgent : days <= 30 ? Urgency.Soon : Urgency.Planned;
                yield return new Finding(asset, MaintenanceRuleKind.OsEndOfSupport, OsRule, threshold, urgency, OpensTicket: days <= 30,
                    Due: os.EndOfSupport, Days: days, Label: $"{asset.Os} {asset.OsVersion}".Trim(), Source: os.Source);
            }
        }

        if (asset.WarrantyEnd is { } warranty)
        {
            var days = warranty.DayNumber - today.DayNumber;
            var threshold = days < 0 ? null : WarrantyThresholds.Where(t => days <= t).Select(t => t + "d").LastOrDefault();
            if (threshold is not null)
            {
                yield return new Finding(asset, MaintenanceRuleKind.WarrantyEnd, WarrantyRule, threshold, days <= 7 ? Urgency.Urgent : days <= 30 ? Urgency.Soon : Urgency.Planned,
                    OpensTicket: days <= 30, Due: warranty, Days: days);
            }
        }

        if (asset.BackupEvery is { } every && asset.Type != AssetType.SoftwareLicence
            && (asset.LastBackupAt is not { } backup || now - backup > TimeSpan.FromDays(every) + TimeSpan.FromHours(options.BackupGraceHours)))
        {
            yield return new Finding(asset, MaintenanceRuleKind.BackupStale, BackupRule, Since(asset.LastBackupAt), urgentIfCritical, OpensTicket: true,
                Days: every, Since: asset.LastBackupAt);
        }

        if (asset.LastPatchAt is { } patch && now - patch > TimeSpan.FromDays(options.PatchMaxAgeDays))
        {
            yield return new Finding(asset, MaintenanceRuleKind.PatchStale, PatchRule, Since(patch), Urgency.Soon, OpensTicket: true,
                Days: options.PatchMaxAgeDays, Since: patch);
        }

        foreach (var (plan, occurrence) in plans)
        {
            var covers = plan.AssetTag is { } tag
                ? AssetReader.NormalizeTag(tag) == asset.Tag
                : WireName.TryParse<AssetType>(plan.AssetType, out var type) && type == asset.Type;
            if (covers)
            {
                yield return new Finding(asset, MaintenanceRuleKind.Plan, PlanRulePrefix + plan.Id, occurrence.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture),
                    Urgency.Planned, OpensTicket: true, Due: DateOnly.FromDateTime(occurrence), Label: plan.Title);
            }
        }
    }

    /// <summary>
    /// Backup and patch reminders are episodes: the date of the last success is part of the threshold, so a new
    /// success followed by a new lapse is a new reminder even if no scan saw the condition clear in between.
    /// </summary>
    private static string Since(DateTimeOffset? at) =>
        at is { } value ? "since-" + value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : "never";

    /// <summary>Rules whose older thresholds are superseded by a newer one (episodes), rather than escalated (countdowns).</summary>
    public static bool IsEpisodic(string rule) => rule is BackupRule or PatchRule || rule.StartsWith(PlanRulePrefix, StringComparison.Ordinal);
}
