using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The evaluation half of the step activity (<see cref="SlaStepActivity"/>; not an activity of its own): records the actions due now and carries out their side
/// effects, exactly once however often it runs. Rules:
/// <list type="number">
/// <item>Actions come from <see cref="SlaClock.NextActions"/> at the activity's current time: never one before its due time.</item>
/// <item>Each is appended to the log first, under a deterministic dedupe id (<c>warn-FirstResponse</c>,
/// <c>esc-L1-L2</c>, <c>breach-Resolution</c>), so it is recorded once.</item>
/// <item>Then every action entry whose side effects are not marked done (this run's, or one left by a crash) gets them,
/// and is marked done. The side effects are idempotent themselves: the escalation applies only while the ticket is
/// still at the escalation's source level; a notification is sent once per id (its timeline line is the proof).</item>
/// </list>
/// </summary>
public sealed class SlaEvaluation(
    ISlaClockLog log,
    ISlaTickets tickets,
    ISlaNotifier notifier,
    SlaPolicy policy,
    SlaCalendars calendars,
    TimeProvider time,
    ILogger<SlaEvaluation> logger)
{
    public static bool IsAction(SlaClockEvent e) => e is SlaClockEvent.Warned or SlaClockEvent.Escalated or SlaClockEvent.Breached;

    /// <summary>The dedupe id of an action: each can happen once per ticket.</summary>
    public static string ActionId(SlaClockEvent action) => action switch
    {
        SlaClockEvent.Warned w => $"warn-{w.Target}",
        SlaClockEvent.Escalated e => $"esc-{e.From}-{e.To}",
        SlaClockEvent.Breached b => $"breach-{b.Target}",
        _ => throw new ArgumentException($"{action.GetType().Name} is not an SLA action.", nameof(action)),
    };

    public async Task<SlaEvaluateResult> RunAsync(int ticketNumber, CancellationToken ct = default) =>
        (await EvaluateAsync(ticketNumber, ct)).Result;

    /// <summary>
    /// Evaluates, and also returns the log as this evaluation last read it (after its own appends); it is still
    /// current unless side effects were marked done, so that the step activity need not always read it again.
    /// </summary>
    internal async Task<(SlaEvaluateResult Result, IReadOnlyList<SlaLogEntry> EntriesRead)> EvaluateAsync(int number, CancellationToken ct)
    {
        var entries = await log.ReadEntriesAsync(number, ct);
        if (entries.Count == 0 || entries[0].Event is not SlaClockEvent.Started started || started.At > time.GetUtcNow())
        {
            return (new SlaEvaluateResult(number, [], []), entries);
        }

        var recorded = new List<string>();
        var due = SlaClock.NextActions([.. entries.Select(e => e.Event)], policy, calendars, time.GetUtcNow()).Due;
        var concurrent = false;
        foreach (var action in due)
        {
            var id = ActionId(action);
            if (await log.AppendAsync(number, action, id, ct))
            {
                recorded.Add(id);
            }
            else
            {
                concurrent = true;
            }
        }

        if (concurrent)
        {
            // Another run stored some of these actions, perhaps at other instants: read back what is stored, so that
            // side effects use the stored instants (deterministic mail ids).
            entries = await log.ReadEntriesAsync(number, ct);
        }
        else if (recorded.Count > 0)
        {
            // Every append was this run's own: the log now holds exactly what was read plus those rows, in row-key
            // order. Merging them here saves a read of the whole log per turn that acts.
            entries = WithAppended(entries, due);
        }

        var done = new List<string>();
        Ticket? ticket = null;
        // The ticket as read with its ETag, handed to an escalation so that it need not read it again; null once this
        // run has changed the ticket (its ETag is then unknown here, and the next escalation reads it afresh).
        StoredTicket? asRead = null;
        var ticketRead = false;
        var updated = entries.ToList();
        for (var i = 0; i < updated.Count; i++)
        {
            var entry = updated[i];
            if (!IsAction(entry.Event) || entry.EffectsDone)
            {
                continue;
            }

            if (!ticketRead)
            {
                asRead = await tickets.GetAsync(number, ct);
                ticket = asRead?.Ticket;
                ticketRead = true;
            }

            var after = await PerformAsync(number, entry, ticket, asRead, recorded.Contains(entry.Id), ct);
            if (!ReferenceEquals(after, ticket))
            {
                asRead = null;
            }

            ticket = after;
            await log.MarkEffectsDoneAsync(number, entry, ct);
            updated[i] = entry with { EffectsDone = true };
            done.Add(entry.Id);
        }

        // What is stored now, as far as this run wrote it: the planner decides on it without reading the log again.
        return (new SlaEvaluateResult(number, recorded, done), done.Count == 0 ? entries : updated);
    }

    /// <summary>
    /// The log as stored after appending <paramref name="appended"/> to <paramref name="read"/>: ordered by
    /// <see cref="SlaClockStore.RowKey"/> (instant, then dedupe id) and numbered 1..n, as <see cref="ISlaClockLog.ReadEntriesAsync"/> returns it.
    /// </summary>
    internal static IReadOnlyList<SlaLogEntry> WithAppended(IReadOnlyList<SlaLogEntry> read, IEnumerable<SlaClockEvent> appended) =>
    [
        .. read.Concat(appended.Select(a => new SlaLogEntry(a, ActionId(a), false)))
            .OrderBy(e => SlaClockStore.RowKey(e.Event.At, e.Id), StringComparer.Ordinal)
            .Select((e, i) => e with { Event = e.Event with { Sequence = i + 1 } }),
    ];

    // `recordedNow`: this run appended the action itself, so no earlier run can have carried out its side effects
    // (they only ever follow the append): the mail's "already sent?" read is skipped.
    // Returns the ticket as it is afterwards: the same instance unless this action changed it.
    private async Task<Ticket?> PerformAsync(int number, SlaLogEntry entry, Ticket? ticket, StoredTicket? asRead, bool recordedNow, CancellationToken ct)
    {
        if (ticket is null)
        {
            SlaLog.ActionOnMissingTicket(logger, entry.Id, number);
            return null;
        }

        var id = "sla-" + entry.Id;
        switch (entry.Event)
        {
            case SlaClockEvent.Warned w when ticket.Status.IsOpen():
                await notifier.NotifyAsync(
                    new SlaNotice(number, id, w.At, SlaNoticeKind.Warned, w.Level, ticket.Priority, ticket.Subject, w.Target, TargetDue(w, ticket.Priority), NeverSent: recordedNow),
                    ct);
                break;
            case SlaClockEvent.Escalated e:
                if (ticket.Status.IsOpen() && ticket.Level == e.From)
                {
                    ticket = await tickets.EscalateAsync(number, asRead, e.From,
                        $"The {e.From} share of the resolution time was used up at {e.DueAt:u}.", ct) ?? ticket;
                    if (ticket.Level >= e.To)
                    {
                        SlaLog.Escalated(logger, number, e.From, e.To, e.DueAt);
                    }
                }

                if (ticket.Status.IsOpen() && ticket.Level >= e.To)
                {
                    await notifier.NotifyAsync(
                        new SlaNotice(number, id, e.At, SlaNoticeKind.Escalated, e.To, ticket.Priority, ticket.Subject, null, e.DueAt, e.From, recordedNow),
                        ct);
                }

                break;
            case SlaClockEvent.Breached b:
                await notifier.NotifyAsync(
                    new SlaNotice(number, id, b.At, SlaNoticeKind.Breached, ticket.Level, ticket.Priority, ticket.Subject, b.Target, b.DueAt, NeverSent: recordedNow),
                    ct);
                break;
            default:
                break;
        }

        return ticket;
    }

    // When the warned target falls due, for the mail: the rest of the target counted from the warning (exact
    // unless the clock pauses in between, which only gives more time).
    private DateTimeOffset TargetDue(SlaClockEvent.Warned warned, Priority priority)
    {
        var targets = policy.TargetsFor(priority);
        var allowed = warned.Target == SlaTarget.FirstResponse ? targets.FirstResponse : targets.Resolution;
        return calendars.For(targets.TwentyFourSeven).AddBusinessTime(warned.DueAt, allowed * (1 - policy.WarningThreshold));
    }
}
