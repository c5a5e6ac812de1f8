namespace Helpdesk.Core.Inventory;

/// <summary>A line that creates (<c>create</c>) or changes (<c>update</c>, with the fields that change) an asset.</summary>
public sealed record ImportChange(long Line, string Tag, string Action, IReadOnlyList<string>? Fields = null);
