using System.Text.Json.Serialization;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public enum PauseReason
{
    Requester,
    Provider,
}
