namespace Helpdesk.Core.Tickets;

/// <summary>One page of a level's queue and the token of the next one.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, string? ContinuationToken);
