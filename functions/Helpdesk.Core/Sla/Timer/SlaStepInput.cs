
namespace Helpdesk.Core.Sla;

public sealed record SlaStepInput(int TicketNumber);
