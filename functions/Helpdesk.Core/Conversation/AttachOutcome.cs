namespace Helpdesk.Core.Conversation;

/// <summary>What adding a requester's files to their ticket did.</summary>
public enum AttachOutcome
{
    /// <summary>At least one file is new on the ticket and was recorded (with one timeline line).</summary>
    Added,

    /// <summary>Every file was already on the ticket (the same form sent again): nothing recorded twice.</summary>
    AlreadyAttached,

    /// <summary>The ticket would hold more than <see cref="ConversationOptions.MaxTicketAttachments"/> files: nothing recorded.</summary>
    TicketFull,
}
