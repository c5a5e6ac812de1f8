using System.Net;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// A mail that will never reach this recipient, however often it is retried: the address is not valid (MimeKit
/// refuses it), the recipient's mail server refused the mailbox for good (SMTP 5xx on <c>RCPT TO</c>), or ACS refused
/// the request (400/422) or gave up on the mail (operation <c>Failed</c>/<c>Canceled</c>; with the deterministic
/// Operation-Id a retry would only find that same operation again). Both senders raise it; callers record it and move
/// on instead of retrying. Configuration errors (credentials, sender address, endpoint) are not permanent failures of a
/// recipient: they stay <see cref="EmailSendException"/> (retried, then poisoned, so an operator sees them).
/// </summary>
public sealed class PermanentEmailFailureException : EmailSendException
{
    public PermanentEmailFailureException() : this("The mail cannot be delivered.")
    {
    }

    public PermanentEmailFailureException(string message) : this(message, recipient: "", reason: "the mail cannot be delivered")
    {
    }

    public PermanentEmailFailureException(string message, Exception? inner) : this(message, "", "the mail cannot be delivered", null, inner)
    {
    }

    public PermanentEmailFailureException(string message, string recipient, string reason, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, statusCode, inner)
    {
        Recipient = recipient;
        Reason = reason;
    }

    /// <summary>The address (or addresses) the mail could not be delivered to.</summary>
    public string Recipient { get; }

    /// <summary>Why, as a short lower-case phrase for the ticket's timeline ("the address is not valid").</summary>
    public string Reason { get; }
}
