
namespace Helpdesk.Core.Sla;

public enum SlaPhase
{
    Running,
    Paused,
    Resolved,
    Closed,
}
