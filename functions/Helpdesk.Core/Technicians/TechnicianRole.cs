namespace Helpdesk.Core.Technicians;

/// <summary>What a person on the roster may do: every technician works tickets; admins also manage the roster and see operations.</summary>
public enum TechnicianRole
{
    Technician,
    Admin,
}
