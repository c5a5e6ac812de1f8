namespace Helpdesk.Core.Technicians;

/// <summary>The tables of this feature (names get the storage prefix like every other, see <see cref="Storage.StorageClients"/>).</summary>
public static class TechnicianTables
{
    public const string Roster = "Technicians";
    public const string Sessions = "Sessions";
}
