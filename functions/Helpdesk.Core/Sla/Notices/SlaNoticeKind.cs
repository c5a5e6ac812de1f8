using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public enum SlaNoticeKind
{
    Warned,
    Escalated,
    Breached,
}
