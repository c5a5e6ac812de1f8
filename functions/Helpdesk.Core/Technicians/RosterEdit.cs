using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Technicians;

/// <summary>What an admin can change about a person on the roster (name and address stay: the address is the entry's key).</summary>
public sealed record RosterEdit(IReadOnlyList<SupportLevel> Levels, TechnicianRole Role, string Language, bool Disabled);
