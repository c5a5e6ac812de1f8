namespace Helpdesk.Core.Storage;

/// <summary>What a queue host does with a message whose processing failed (<see cref="QueueFailurePolicy"/>).</summary>
public enum QueueFailureAction
{
    /// <summary>Leave it on the queue: it becomes visible again after <see cref="QueueRules.RetryDelay"/>.</summary>
    Retry,

    /// <summary>Write it to <c>{queue}-poison</c> with its reason (<see cref="PoisonQueue"/>) and remove it from the queue.</summary>
    Poison,
}
