namespace Helpdesk.Core.Maintenance;

/// <summary>The rules of a maintenance scan.</summary>
public enum MaintenanceRuleKind
{
    /// <summary>Operating system end of support in 90 / 30 / 7 days, and past.</summary>
    OsEndOfSupport,

    /// <summary>Warranty end in 60 / 30 / 7 days.</summary>
    WarrantyEnd,

    /// <summary>No successful backup within the asset's expected interval.</summary>
    BackupStale,

    /// <summary>No update reported for longer than the configured age.</summary>
    PatchStale,

    /// <summary>An occurrence of a recurring maintenance plan.</summary>
    Plan,
}
