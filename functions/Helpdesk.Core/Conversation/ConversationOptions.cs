namespace Helpdesk.Core.Conversation;

/// <summary>The requester's side of a ticket: mails, status page, satisfaction (section <c>Helpdesk:Conversation</c>).</summary>
public sealed class ConversationOptions
{
    public const string Section = "Helpdesk:Conversation";
    public const int MaxReplyWithinDays = 90;
    public const int MaxStatusLinkDays = 365;
    public const int MaxEmergencyPhoneLength = 40;
    public const int MaxTicketAttachmentsLimit = 100;

    /// <summary>
    /// The resolution mail asks the requester to answer within this many days if the problem is not solved (their reply
    /// reopens the ticket). Default 7.
    /// </summary>
    public int ReplyWithinDays { get; set; } = 7;

    /// <summary>How long a status link stays valid after the mail that carries it (days, default 90): every mail carries a fresh one.</summary>
    public int StatusLinkDays { get; set; } = 90;

    /// <summary>
    /// Whom to call when a matter cannot wait (the provider's on-call number), shown on the confirmation and status
    /// pages. Optional: without it the pages say nothing about calling.
    /// </summary>
    public string? EmergencyPhone { get; set; }

    /// <summary>
    /// Files one ticket holds in all (the request form's and those added from the status page; default 20). Each post
    /// from the status page also keeps the request form's limits (<c>Helpdesk:Intake</c>: count, size, types); this one
    /// keeps a ticket's record small, whatever the number of posts.
    /// </summary>
    public int MaxTicketAttachments { get; set; } = 20;
}
