
namespace Helpdesk.Core.Sla;

/// <summary>Sends (or defers to working hours) the SLA notifications. Idempotent per <see cref="SlaNotice.Id"/>.</summary>
public interface ISlaNotifier
{
    Task NotifyAsync(SlaNotice notice, CancellationToken ct);
}
