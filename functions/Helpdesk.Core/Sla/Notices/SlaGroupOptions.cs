
namespace Helpdesk.Core.Sla;

/// <summary>The group mailbox of each support level.</summary>
public sealed class SlaGroupOptions
{
    public string L1 { get; set; } = "l1@helpdesk.localhost";
    public string L2 { get; set; } = "l2@helpdesk.localhost";
    public string L3 { get; set; } = "l3@helpdesk.localhost";
}
