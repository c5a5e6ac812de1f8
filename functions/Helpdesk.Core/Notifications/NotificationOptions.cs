namespace Helpdesk.Core.Notifications;

/// <summary>Limits on the mails the helpdesk sends on its own (section <c>Helpdesk:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Helpdesk:Notifications";
    public const int DefaultMaxAcknowledgmentsPerRecipientPerHour = 5;
    public const int MaxAcknowledgmentsLimit = 1000;

    /// <summary>
    /// Acknowledgments one recipient address gets per clock hour (UTC): the form is anonymous, so without a limit anyone
    /// could make the helpdesk mail any address. Tickets over the limit are still created; their timeline says why no
    /// acknowledgment went out.
    /// </summary>
    public int MaxAcknowledgmentsPerRecipientPerHour { get; set; } = DefaultMaxAcknowledgmentsPerRecipientPerHour;
}
