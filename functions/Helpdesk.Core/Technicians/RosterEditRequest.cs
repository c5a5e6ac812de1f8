namespace Helpdesk.Core.Technicians;

/// <summary>The body of <c>PUT technicians/{id}</c>: every field optional, an absent one stays as it is.</summary>
public sealed record RosterEditRequest(IReadOnlyList<string>? Levels, string? Role, string? Language, bool? Disabled);
