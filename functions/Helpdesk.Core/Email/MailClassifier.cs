using System.Text.RegularExpressions;

namespace Helpdesk.Core.Email;

/// <summary>
/// The loop and noise rules: the union of osTicket's (<c>class.filter.php</c>, <c>class.thread.php</c>) and Zammad's.
/// Checked in this order, first match wins:
/// <list type="number">
/// <item>own mail: a Message-ID this instance signed, or a sender that is the support mailbox itself;</item>
/// <item>bounce: a delivery-status report, <c>X-Failed-Recipients</c>, or a mailer-daemon/postmaster sender with a
/// null return path or a bounce subject;</item>
/// <item>automatic reply: <c>Auto-Submitted: auto-replied</c>, <c>X-Autoreply</c>, <c>X-Autorespond</c>,
/// <c>Precedence: auto_reply</c>, an Exchange OOF (<c>X-Auto-Response-Suppress</c> with an auto-submitted mark), or an
/// out-of-office subject (English, French, German, Dutch);</item>
/// <item>automated: any other <c>Auto-Submitted</c> than <c>no</c>, <c>Precedence: bulk|junk|list</c>,
/// <c>X-Auto-Response-Suppress</c>, <c>List-Id</c>/<c>List-Unsubscribe</c>/<c>List-Post</c>, <c>X-Loop</c>, a null
/// return path, list-owner senders, and mailer-daemon/postmaster/no-reply senders.</item>
/// </list>
/// </summary>
public static partial class MailClassifier
{
    public static MailClassification Classify(ParsedMail mail, Func<string, bool> isSupportAddress, Func<string, bool> isOwnMessageId)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(isSupportAddress);
        ArgumentNullException.ThrowIfNull(isOwnMessageId);
        if (mail.MessageId is { } id && isOwnMessageId(id))
        {
            return new(MailKind.OwnMail, "its Message-ID was issued by this helpdesk");
        }

        if (mail.From is { } from && isSupportAddress(from.Address))
        {
            return new(MailKind.OwnMail, "it comes from the support address itself");
        }

        var sender = (mail.From?.Address ?? mail.Sender?.Address ?? "").ToLowerInvariant();
        var senderLocal = sender.Split('@')[0];
        var daemon = senderLocal is "mailer-daemon" or "postmaster" or "mail-daemon" or "mailerdaemon";
        var nullReturnPath = mail.ReturnPath is { Length: 0 };
        if (mail.IsDeliveryReport)
        {
            return new(MailKind.Bounce, "it is a delivery-status report");
        }

        if (mail.Header("X-Failed-Recipients").Length > 0)
        {
            return new(MailKind.Bounce, "it has X-Failed-Recipients");
        }

        if (daemon && (nullReturnPath || BounceSubject().IsMatch(mail.Subject) || mail.ReturnPath is null || IsMailerDaemon(mail.ReturnPath)))
        {
            return new(MailKind.Bounce, $"it comes from {senderLocal}");
        }

        var autoSubmitted = mail.Header("Auto-Submitted").Trim().ToLowerInvariant();
        var precedence = (mail.Header("Precedence") + " " + mail.Header("X-Precedence")).Trim().ToLowerInvariant();
        var suppress = mail.Header("X-Auto-Response-Suppress").Trim();
        if (autoSubmitted.StartsWith("auto-replied", StringComparison.Ordinal))
        {
            return new(MailKind.AutoReply, "Auto-Submitted: auto-replied");
        }

        if (mail.Header("X-Autoreply").Length > 0 || mail.Header("X-Autorespond").Length > 0 || mail.Header("X-Autoreply-From").Length > 0)
        {
            return new(MailKind.AutoReply, "an X-Autoreply/X-Autorespond header");
        }

        if (precedence.Contains("auto_reply", StringComparison.Ordinal))
        {
            return new(MailKind.AutoReply, "Precedence: auto_reply");
        }

        if (OutOfOfficeSubject().IsMatch(mail.Subject))
        {
            return new(MailKind.AutoReply, "an out-of-office subject");
        }

        if (suppress.Contains("OOF", StringComparison.OrdinalIgnoreCase) && autoSubmitted.Length > 0 && autoSubmitted != "no")
        {
            return new(MailKind.AutoReply, "an Exchange automatic reply (X-Auto-Response-Suppress, Auto-Submitted)");
        }

        if (autoSubmitted.Length > 0 && autoSubmitted != "no")
        {
            return new(MailKind.Automated, $"Auto-Submitted: {autoSubmitted}");
        }

        if (Regex.IsMatch(precedence, @"\b(bulk|junk|list)\b"))
        {
            return new(MailKind.Automated, $"Precedence: {precedence}");
        }

        if (suppress.Length > 0)
        {
            return new(MailKind.Automated, "X-Auto-Response-Suppress");
        }

        foreach (var header in new[] { "List-Id", "List-Unsubscribe", "List-Post", "X-Loop", "X-Mailing-List" })
        {
            if (mail.Headers.Contains(header))
            {
                return new(MailKind.Automated, $"a {header} header");
            }
        }

        if (nullReturnPath)
        {
            return new(MailKind.Automated, "an empty return path");
        }

        if (mail.Requester is { } requester && !DeliverableAddress().IsMatch(requester.Address))
        {
            return new(MailKind.Automated, "the sender address is not one a mail can be sent to");
        }

        if (daemon || NoReply().IsMatch(senderLocal))
        {
            return new(MailKind.Automated, $"a {senderLocal} sender");
        }

        var listSender = (mail.Sender?.Address ?? "") + " " + (mail.ReturnPath ?? "");
        if (ListOwner().IsMatch(listSender.ToLowerInvariant()))
        {
            return new(MailKind.Automated, "a mailing-list sender or return path");
        }

        return new(MailKind.Person, "written by a person");
    }

    private static bool IsMailerDaemon(string address) => address.StartsWith("mailer-daemon", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"undeliver|delivery status|returned mail|mail delivery|non remis|non distribu|unzustellbar|nicht zugestellt|failure notice|delivery failure|delivery has failed", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"^\s*(automatic reply|auto(matic)?[ -]?re(ply|sponse)|autoresponse|réponse automatique|reponse automatique|absent du bureau|absence du bureau|out of (the )?office|abwesenheitsnotiz|automatische antwort|afwezig|vacation|away until|on vacation|en congé|en vacances)", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOfficeSubject();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex DeliverableAddress();

    [GeneratedRegex(@"^(no-?reply|do-?not-?reply|donotreply|noreply-.*|bounce[s]?|notifications?-noreply)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoReply();

    [GeneratedRegex(@"(^|\s)(owner-[^@\s]+@|[^@\s]+-(request|owner|bounces)@|[^@\s]*listserv[^@\s]*@|[^@\s]+@list[^\s]*)")]
    private static partial Regex ListOwner();
}
