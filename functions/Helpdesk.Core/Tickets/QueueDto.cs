namespace Helpdesk.Core.Tickets;

/// <summary>One page of a level's queue.</summary>
public sealed record QueueDto(SupportLevel Level, IReadOnlyList<QueueItem> Items, string? ContinuationToken);
