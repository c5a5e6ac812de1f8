namespace Helpdesk.Core.Maintenance;

/// <summary>Maintenance's routes (technicians). Both hosts bind these names; the parity test compares them.</summary>
public static class MaintenanceRoutes
{
    public const string Runs = "maintenance/runs";
}
