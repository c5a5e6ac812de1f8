using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// A person on the roster. <see cref="Id"/> is derived from the address (<see cref="Storage.StorageKeys.Address"/>),
/// so a sign-in by the platform (Easy Auth) or by key finds the same entry.
/// </summary>
public sealed record Technician(
    string Id,
    string Name,
    string Email,
    IReadOnlyList<SupportLevel> Levels,
    string Language,
    TechnicianRole Role)
{
    public const int MaxNameLength = 100;

    public bool IsAdmin => Role == TechnicianRole.Admin;

    /// <summary>Kept on the roster (their name stays on tickets) but signed in nowhere: no key, session or platform sign-in works.</summary>
    public bool Disabled { get; init; }

    /// <summary>The first level this person works, the queue the console opens on.</summary>
    public SupportLevel HomeLevel => Levels.Count > 0 ? Levels.Min() : SupportLevel.L1;
}
