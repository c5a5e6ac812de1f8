
namespace Helpdesk.Core.Sla;

public enum SlaTargetState
{
    Running,
    Paused,
    Met,
    Breached,
}

// Due: the UTC instant the target is used up. While the clock runs it is always known (past when breached);
// once stopped it is the breach instant if the target was reached, otherwise null.
// WarningAt follows the same rule for WarningThreshold x Target.
