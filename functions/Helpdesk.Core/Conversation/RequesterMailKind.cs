namespace Helpdesk.Core.Conversation;

/// <summary>The public steps of a ticket that are mailed to its requester, one template each.</summary>
public enum RequesterMailKind
{
    /// <summary>A technician's public comment.</summary>
    Comment,

    /// <summary>The ticket waits on the requester: the technician's question.</summary>
    Question,

    /// <summary>The resolution, with "reply within N days" and the rating invitation.</summary>
    Resolved,

    Closed,
    Reopened,

    /// <summary>The priority was raised to P1 or P2.</summary>
    Urgent,
}
