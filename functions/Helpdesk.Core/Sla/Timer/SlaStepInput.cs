using System.Globalization;
using Helpdesk.Core.Durable;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Sla;

public sealed record SlaStepInput(int TicketNumber);
