namespace Helpdesk.Core.Technicians;

/// <summary>The roster API (admins). Both hosts bind these names; the parity test compares them.</summary>
public static class TechnicianRoutes
{
    /// <summary><c>GET</c>: the roster.</summary>
    public const string Roster = "technicians";

    /// <summary><c>PUT</c>: change levels, role, language, disabled; <c>DELETE</c>: remove. <c>{id}</c> as listed.</summary>
    public const string Person = "technicians/{id}";
}
