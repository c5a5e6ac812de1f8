namespace Helpdesk.Core.Operations;

/// <summary>What a replay did.</summary>
public enum ReplayOutcome
{
    /// <summary>The original message is back on its queue and the poison message is gone.</summary>
    Replayed,

    /// <summary>Not a queue of the product.</summary>
    UnknownQueue,

    /// <summary>No such message on that poison queue (already replayed, or never there).</summary>
    NotFound,
}
