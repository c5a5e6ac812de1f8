
namespace Helpdesk.Core.Sla;

public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution, bool TwentyFourSeven);
