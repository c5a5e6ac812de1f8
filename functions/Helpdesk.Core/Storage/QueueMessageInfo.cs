namespace Helpdesk.Core.Storage;

/// <summary>One delivery of a queue message, as both hosts see it.</summary>
/// <param name="Queue">The queue's name in the product (<c>ticket-events</c>), without the storage prefix.</param>
/// <param name="MessageId">The storage message id.</param>
/// <param name="Body">The message text (already base64-decoded).</param>
/// <param name="DequeueCount">This delivery's attempt number, from 1.</param>
public sealed record QueueMessageInfo(string Queue, string MessageId, string Body, long DequeueCount);
