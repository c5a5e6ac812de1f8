
namespace Helpdesk.Core.Sla;

public enum SlaTarget
{
    FirstResponse,
    Resolution,
}
