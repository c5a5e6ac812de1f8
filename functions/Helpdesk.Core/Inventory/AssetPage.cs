namespace Helpdesk.Core.Inventory;

/// <summary>One page of a filtered inventory list; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record AssetPage(IReadOnlyList<Asset> Items, string? ContinuationToken);
