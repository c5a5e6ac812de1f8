using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

public sealed record SlaReconcileReport(int Open, int Started, int LogsRecreated, int Stopped);
