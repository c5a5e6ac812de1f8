namespace Helpdesk.Core.Technicians;

/// <summary>The result of <see cref="SignedInPeople.FindAsync"/>: a person, nobody, or someone signed in but not on the roster.</summary>
public sealed record PersonLookup(Technician? Person, bool NotOnRoster);
