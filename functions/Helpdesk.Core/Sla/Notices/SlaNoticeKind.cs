
namespace Helpdesk.Core.Sla;

public enum SlaNoticeKind
{
    Warned,
    Escalated,
    Breached,
}
