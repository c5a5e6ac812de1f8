namespace Helpdesk.Core.Operations;

/// <summary>What <see cref="PoisonMessages.ListAsync"/> found: every product queue's poison queue, and its first messages.</summary>
public sealed record PoisonListing(IReadOnlyList<PoisonQueueSummary> Queues, IReadOnlyList<PoisonEntry> Messages);
