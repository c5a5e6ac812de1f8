namespace Helpdesk.Core.Console;

/// <summary>What one run of <see cref="ConsoleIndexBackfill"/> did: tickets read, search rows written, requesters added.</summary>
public sealed record BackfillResult(int TicketsRead, int ClosedIndexed, int RequestersAdded);
