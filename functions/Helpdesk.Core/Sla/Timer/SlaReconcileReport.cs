
namespace Helpdesk.Core.Sla;

public sealed record SlaReconcileReport(int Open, int Started, int LogsRecreated, int Stopped);
