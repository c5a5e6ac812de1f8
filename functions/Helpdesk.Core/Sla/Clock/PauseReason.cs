
namespace Helpdesk.Core.Sla;

public enum PauseReason
{
    Requester,
    Provider,
}
