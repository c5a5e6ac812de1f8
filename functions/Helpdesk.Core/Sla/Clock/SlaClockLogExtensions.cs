
namespace Helpdesk.Core.Sla;

public static class SlaClockLogExtensions
{
    public static async Task<IReadOnlyList<SlaClockEvent>> ReadAsync(this ISlaClockLog log, int ticketNumber, CancellationToken ct) =>
        [.. (await log.ReadEntriesAsync(ticketNumber, ct)).Select(e => e.Event)];
}
