namespace Helpdesk.Core.Operations;

/// <summary>A poison queue: how many messages it holds (the storage service's approximate count) and how many are listed.</summary>
public sealed record PoisonQueueSummary(string Queue, string PoisonQueue, int Count, int Listed);
