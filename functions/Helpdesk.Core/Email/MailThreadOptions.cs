namespace Helpdesk.Core.Email;

/// <summary>How the product's mails invite replies (section <c>Helpdesk:MailThread</c>).</summary>
public sealed class MailThreadOptions
{
    public const string Section = "Helpdesk:MailThread";

    /// <summary>
    /// True (default): <c>Reply-To</c> is a signed plus-address of the support mailbox
    /// (<c>support+1042.3f9c…@domain</c>), the strongest threading key. False for a mailbox without sub-addressing:
    /// replies go to the plain support address and thread by their headers and subject tag.
    /// </summary>
    public bool PlusAddressing { get; set; } = true;
}
