using System.Collections.Frozen;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution, bool TwentyFourSeven);
