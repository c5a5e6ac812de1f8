namespace Helpdesk.Core.Email;

/// <summary>What an inbound mail is, for the loop and noise rules (<see cref="MailClassifier"/>).</summary>
public enum MailKind
{
    /// <summary>Written by a person: a new request or a reply, acknowledged as usual.</summary>
    Person,

    /// <summary>Sent by a machine or to many (lists, bulk, no-reply senders...): a ticket or comment, but never an automatic answer.</summary>
    Automated,

    /// <summary>An out-of-office or other automatic reply: noted on the ticket it answers, never a ticket, never answered.</summary>
    AutoReply,

    /// <summary>A bounce or delivery-status report: recorded on the ticket it refers to, never a ticket, never answered.</summary>
    Bounce,

    /// <summary>The product's own mail coming back (its signed Message-ID, or from the support address itself): ignored.</summary>
    OwnMail,
}
