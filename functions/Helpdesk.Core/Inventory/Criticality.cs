namespace Helpdesk.Core.Inventory;

/// <summary>How much the business suffers when the asset fails; orders the maintenance digest.</summary>
public enum Criticality
{
    Low,
    Medium,
    High,
    Critical,
}
