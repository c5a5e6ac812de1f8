using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

/// <summary>
/// Self-healing, run by the hosts at start-up and daily (<see cref="SlaSchedules.Reconcile"/>): every open
/// ticket without a running timer gets one (its clock log gains a Started entry first if it has none), and timers
/// still running for tickets resolved or closed in the last <see cref="StoppedLookback"/> are ended.
/// </summary>
/// <remarks>Each run is recorded in <see cref="Operations.ReconcileRuns"/> (when given) for the admins' operations page.</remarks>
public sealed class SlaReconciler(ISlaTickets tickets, ISlaClockLog log, ISlaTimerEngine engine, TimeProvider time, ILogger<SlaReconciler> logger,
    Operations.ReconcileRuns? runs = null)
{
    public static readonly TimeSpan StoppedLookback = TimeSpan.FromDays(35);

    public async Task<SlaReconcileReport> RunAsync(CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        SlaReconcileReport report;
        try
        {
            report = await ReconcileAsync(ct);
        }
        catch (Exception ex) when (runs is not null && !ct.IsCancellationRequested)
        {
            await runs.RecordAsync(new Operations.ReconcileRun(startedAt, time.GetUtcNow(), 0, 0, 0, 0, ex.GetType().FullName ?? ex.GetType().Name), CancellationToken.None);
            throw;
        }

        if (runs is not null)
        {
            await runs.RecordAsync(new Operations.ReconcileRun(startedAt, time.GetUtcNow(), report.Open, report.Started, report.LogsRecreated, report.Stopped, null), ct);
        }

        return report;
    }

    private async Task<SlaReconcileReport> ReconcileAsync(CancellationToken ct)
    {
        int open = 0, started = 0, recreated = 0, stopped = 0;
        await foreach (var number in tickets.OpenTicketNumbersAsync(ct))
        {
            open++;
            if (await engine.IsRunningAsync(number, ct))
            {
                continue;
            }

            var entries = await log.ReadEntriesAsync(number, ct);
            if (entries.Count == 0 || entries[0].Event is not SlaClockEvent.Started)
            {
                var ticket = (await tickets.GetAsync(number, ct))?.Ticket;
                if (ticket is null || !ticket.Status.IsOpen())
                {
                    continue;
                }

                // Recreated from the ticket: started at creation, at the current priority and L1 (a level above L1 is
                // recorded as a manual change at creation, so the ticket resumes at its level).
                await log.AppendAsync(number, new SlaClockEvent.Started(0, ticket.CreatedAt, ticket.Priority), $"{number}-created", ct);
                if (ticket.Level > SupportLevel.L1)
                {
                    await log.AppendAsync(number, new SlaClockEvent.LevelChanged(0, ticket.CreatedAt, SupportLevel.L1, ticket.Level, LevelChangeMode.Manual),
                        "reconciled-level", ct);
                }

                if (ticket.AcknowledgedAt is { } acknowledged)
                {
                    await log.AppendAsync(number, new SlaClockEvent.ResponseMet(0, acknowledged), "reconciled-response", ct);
                }

                recreated++;
                SlaLog.LogRecreated(logger, number);
            }

            await engine.StartAsync(number, ct);
            started++;
            SlaLog.TimerStarted(logger, number);
        }

        await foreach (var number in tickets.StoppedTicketNumbersAsync(time.GetUtcNow() - StoppedLookback, ct))
        {
            if (await engine.IsRunningAsync(number, ct))
            {
                var ticket = (await tickets.GetAsync(number, ct))?.Ticket;
                if (ticket is not null && ticket.Status.IsOpen())
                {
                    continue; // reopened since the listing
                }

                await engine.StopAsync(number, "ticket resolved or closed", ct);
                stopped++;
            }
        }

        SlaLog.Reconciled(logger, open, started, recreated, stopped);
        return new SlaReconcileReport(open, started, recreated, stopped);
    }
}
