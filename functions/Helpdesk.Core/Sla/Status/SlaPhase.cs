using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public enum SlaPhase
{
    Running,
    Paused,
    Resolved,
    Closed,
}
