using System.Diagnostics;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// One maintenance scan: read every asset (by partition, 1,000 per request) and every claimed reminder, evaluate the
/// rules, then act in an order that survives a crash at any point:
/// <list type="number">
/// <item>clear the claims whose condition has cleared (re-arming their rule);</item>
/// <item>claim each new reminder (asset, rule, threshold) — a claim is the "exactly once";</item>
/// <item>open a maintenance ticket for each claim that needs one and has none, through the channel-neutral intake with
/// an idempotency key derived from the claim, and record its number on the claim (a crash in between: the retry gets
/// the same ticket back);</item>
/// <item>send one digest of every claim not yet mailed, then mark them mailed.</item>
/// </list>
/// A scan that stops half-way leaves claims without ticket or unmailed; the next scan finishes them and sends nothing
/// twice. Storage requests for a scan that finds nothing new: about 5 + assets / 1,000 + claims / 1,000.
/// </summary>
public sealed class MaintenanceScanner(
    AssetStore assets,
    MaintenanceClaimStore claims,
    MaintenanceRunStore runs,
    TicketIntake intake,
    IEmailSender mail,
    IOptions<MaintenanceOptions> options,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<BusinessCalendarOptions> calendar,
    TimeProvider time,
    ILogger<MaintenanceScanner> logger)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    private static readonly CrontabSchedule s_schedule = CrontabSchedule.Parse(MaintenanceSchedules.Scan, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public MaintenanceRules Rules()
    {
        var o = options.Value;
        return new MaintenanceRules(OsLifecycleCatalog.Shipped.WithOverrides(o.OsEndOfSupport), o, TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone));
    }

    public async Task<MaintenanceRun> RunAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var o = options.Value;
        var lang = Language.Normalize(o.Language);
        var run = new MaintenanceRun { Id = MaintenanceRunStore.IdOf(now), StartedAt = now, Status = Running };

        var older = await runs.LatestAsync(1, run.Id, ct);
        var previous = older.Count > 0 ? older[0] : null;
        if (previous is not null)
        {
            var missed = s_schedule.GetNextOccurrences(previous.StartedAt.UtcDateTime.AddMinutes(1), now.UtcDateTime.AddMinutes(-1)).Count();
            if (missed > 0)
            {
                MaintenanceLog.RunsMissed(logger, run.Id, missed, previous.StartedAt);
            }

            run = run with { MissedRuns = missed };
            if (previous.Status == Running)
            {
                MaintenanceLog.PreviousInterrupted(logger, previous.Id, previous.StartedAt);
                await runs.WriteAsync(previous with { Status = Interrupted }, ct);
                run = run with { PreviousRunInterrupted = previous.Id };
            }
        }

        await runs.WriteAsync(run, ct);
        try
        {
            var rules = Rules();
            var plans = rules.PlanOccurrences(now);
            var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
            var assetsRead = 0;
            await foreach (var stored in assets.ReadAllAsync(ct))
            {
                assetsRead++;
                foreach (var finding in rules.Evaluate(stored.Asset, now, plans))
                {
                    findings[finding.Key] = finding;
                }
            }

            var existing = new Dictionary<string, MaintenanceClaim>(StringComparer.Ordinal);
            await foreach (var claim in claims.ReadAllAsync(ct))
            {
                existing[claim.Key] = claim;
            }

            // Re-arm: a rule that no longer fires for the asset forgets its reminders; an episode (backup, patch, plan
            // occurrence) that a newer one replaced is forgotten once its actions are done.
            var firing = findings.Values.Select(f => (f.Asset.Tag, f.Rule)).ToHashSet();
            var cleared = existing.Values
                .Where(c => !firing.Contains((c.Tag, c.Rule))
                    || (MaintenanceRules.IsEpisodic(c.Rule) && !findings.ContainsKey(c.Key) && c.Mailed && (!c.OpensTicket || c.Ticket is not null)))
                .Select(c => c.Key)
                .ToList();
            await claims.DeleteAsync(cleared, ct);

            var fresh = findings.Values.Where(f => !existing.ContainsKey(f.Key)).Select(f => ToClaim(f, now, lang)).ToList();
            await claims.AddAsync(fresh, ct);
            var open = existing.Values.Where(c => !cleared.Contains(c.Key)).Concat(fresh).ToDictionary(c => c.Key, StringComparer.Ordinal);
            run = run with { AssetsRead = assetsRead, Findings = findings.Count, NewReminders = fresh.Count, RemindersCleared = cleared.Count };

            var needTicket = open.Values.Where(c => c.OpensTicket && c.Ticket is null)
                .OrderBy(c => c.Urgency).ThenBy(c => c.ClaimedAt).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            var opened = 0;
            foreach (var claim in needTicket.Take(o.MaxTicketsPerScan))
            {
                ct.ThrowIfCancellationRequested();
                var number = await OpenTicketAsync(claim, lang, ct);
                await claims.SetTicketAsync(claim.Key, number, ct);
                open[claim.Key] = claim with { Ticket = number };
                opened++;
                run = run with { TicketsOpened = opened };
                MaintenanceLog.TicketOpened(logger, claim.Key, number);
            }

            if (needTicket.Count > opened)
            {
                MaintenanceLog.TicketsDeferred(logger, run.Id, needTicket.Count - opened, o.MaxTicketsPerScan);
            }

            run = run with { TicketsPending = needTicket.Count - opened };
            var unmailed = open.Values.Where(c => !c.Mailed).ToList();
            if (unmailed.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                await mail.SendAsync(MaintenanceDigest.Compose(unmailed, o, helpdesk.Value, MissedNote(run, previous, lang)), ct);
                run = run with { MailsSent = 1 };
                await claims.MarkMailedAsync([.. unmailed.Select(c => c.Key)], ct);
            }

            run = run with { Status = Succeeded, FinishedAt = time.GetUtcNow(), DurationMs = watch.ElapsedMilliseconds };
            await runs.WriteAsync(run, ct);
            MaintenanceLog.ScanDone(logger, run.Id, assetsRead, findings.Count, fresh.Count, opened, run.MailsSent, watch.ElapsedMilliseconds);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MaintenanceLog.ScanFailed(logger, ex, run.Id);
            run = run with { Status = Failed, Failures = 1, Failure = Describe(ex), FinishedAt = time.GetUtcNow(), DurationMs = watch.ElapsedMilliseconds };
            await runs.WriteAsync(run, CancellationToken.None);
            throw;
        }
    }

    private async Task<int> OpenTicketAsync(MaintenanceClaim claim, string lang, CancellationToken ct)
    {
        var o = options.Value;
        var submission = new ValidSubmission(
            new Requester(o.ItContactName, o.ItContact ?? helpdesk.Value.SupportAddress, null, lang),
            Shorten(claim.Subject, 150),
            Shorten(claim.Description, 8000),
            WireName.Parse<Category>(claim.Category),
            WireName.Parse<Impact>(claim.Impact),
            claim.Urgency == Urgency.Urgent ? CanWork.Partly : CanWork.Yes,
            claim.Tag);
        // The claim's key makes the request idempotent: a retry after a crash gets the first ticket back.
        var result = await intake.CreateAsync(submission, [], "maintenance:" + claim.Key, new IntakeSource(IntakeChannel.Maintenance, claim.Key), ct);
        return result switch
        {
            IntakeResult.Created created => created.Ticket.Number,
            IntakeResult.Replayed replayed => replayed.Ticket.Number,
            IntakeResult.KeyReused reused => reused.Number,
            _ => throw new InvalidOperationException("Unknown intake result."),
        };
    }

    private MaintenanceClaim ToClaim(Finding f, DateTimeOffset now, string lang)
    {
        var url = new Uri(helpdesk.Value.PublicBaseUrl, $"/{ApiRoutes.Prefix}/assets/{Uri.EscapeDataString(f.Asset.Tag)}");
        var category = f.Kind switch
        {
            MaintenanceRuleKind.OsEndOfSupport or MaintenanceRuleKind.PatchStale => Category.Security,
            MaintenanceRuleKind.WarrantyEnd => Category.Hardware,
            _ => Category.Other,
        };
        var impact = f.Asset.Criticality switch
        {
            Criticality.Critical => Impact.Organization,
            Criticality.High => Impact.Team,
            _ => Impact.Individual,
        };
        return new MaintenanceClaim(f.Key, f.Asset.Tag, f.Rule, f.Threshold, f.Urgency, f.OpensTicket, MaintenanceTexts.Subject(f, lang),
            MaintenanceTexts.Description(f, lang, url), WireName.Of(category), WireName.Of(impact), now, null, false);
    }

    private static string? MissedNote(MaintenanceRun run, MaintenanceRun? previous, string lang)
    {
        var fr = lang == Language.French;
        var parts = new List<string>();
        if (run.MissedRuns > 0)
        {
            parts.Add(fr ? $"Attention : {run.MissedRuns} analyse(s) prévue(s) n'ont pas eu lieu depuis le {previous!.StartedAt:yyyy-MM-dd HH:mm} UTC."
                : $"Warning: {run.MissedRuns} scheduled scan(s) did not run since {previous!.StartedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        if (run.PreviousRunInterrupted is not null)
        {
            parts.Add(fr ? "L'analyse précédente s'est interrompue ; celle-ci a terminé son travail." : "The previous scan was interrupted; this one finished its work.");
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>What the run record says about a failure: product words, never a stack trace (those are in the log, event 11190).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        PermanentEmailFailureException p => $"The digest was refused by the mail system ({p.Reason}): check Helpdesk:Maintenance:ItContact.",
        EmailSendException or TransientEmailSendException => "The digest could not be sent (mail server unavailable); the next scan sends it.",
        Azure.RequestFailedException r => $"Storage answered {r.Status}; the next scan retries.",
        _ => "Unexpected error (see the log, event 11190); the next scan retries.",
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
