
namespace Helpdesk.Core.Sla;

public enum LevelChangeMode
{
    Manual,
    Automatic,
}

// One entry of a ticket's SLA log. The log is the clock: replaying it in Sequence order gives the state.
// At is UTC; events dated after the evaluation instant are ignored, and an event dated before its predecessor
// (clock skew between writers) is treated as happening at its predecessor's time.
