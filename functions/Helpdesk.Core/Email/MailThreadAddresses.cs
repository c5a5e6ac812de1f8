using System.Globalization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Security;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Email;

/// <summary>
/// The signed identifiers that tie a mail conversation to its ticket, issued on the way out and recognised on the way
/// in before anything else (a signature cannot be guessed, so a stranger cannot thread into someone's ticket):
/// <list type="bullet">
/// <item>Message-IDs <c>&lt;helpdesk.1042.ack.5d1c…@domain&gt;</c>: deterministic per ticket and part, so a mail sent
/// again after a redelivered event keeps its Message-ID (receivers deduplicate it) and replies' In-Reply-To /
/// References point back to the ticket;</item>
/// <item>reply addresses <c>support+1042.9b0e…@domain</c> (when <see cref="MailThreadOptions.PlusAddressing"/>).</item>
/// </list>
/// </summary>
public sealed class MailThreadAddresses(Signer signer, IOptions<HelpdeskOptions> helpdesk, IOptions<MailThreadOptions> thread)
{
    private const string MessageIdPurpose = "message-id";
    private const string ReplyPurpose = "reply-to";
    private const string Prefix = "helpdesk";
    private const int SignatureBytes = 10;
    private const int MaxPartLength = 64;

    /// <summary>The Message-ID (with angle brackets) of this ticket's mail <paramref name="part"/> (<c>ack</c>, <c>comment-…</c>).</summary>
    public string MessageId(int ticket, string part)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticket);
        if (!IsPart(part))
        {
            throw new ArgumentException("A Message-ID part is 1–64 characters of a–z, 0–9 and '-'.", nameof(part));
        }

        var number = ticket.ToString(CultureInfo.InvariantCulture);
        return $"<{Prefix}.{number}.{part}.{signer.Sign(MessageIdPurpose, number + "|" + part, SignatureBytes)}@{Domain}>";
    }

    /// <summary>The ticket of a Message-ID this instance issued (with or without angle brackets), or null.</summary>
    public int? TicketOfMessageId(string? messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }

        var id = messageId.Trim().TrimStart('<').TrimEnd('>');
        var at = id.LastIndexOf('@');
        if (at <= 0 || !id[(at + 1)..].Equals(Domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = id[..at].Split('.');
        if (parts.Length != 4 || !parts[0].Equals(Prefix, StringComparison.OrdinalIgnoreCase) || !IsPart(parts[2]))
        {
            return null;
        }

        return TryNumber(parts[1], out var number) && signer.Verify(MessageIdPurpose, parts[1] + "|" + parts[2], parts[3])
            ? number
            : null;
    }

    /// <summary>The address replies to this ticket's mails go to: signed plus-address, or the support address.</summary>
    public EmailAddress ReplyTo(int ticket)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticket);
        var options = helpdesk.Value;
        if (!thread.Value.PlusAddressing)
        {
            return new EmailAddress(options.SupportAddress, options.SupportName);
        }

        var number = ticket.ToString(CultureInfo.InvariantCulture);
        var (local, domain) = Split(options.SupportAddress);
        return new EmailAddress($"{local}+{number}.{signer.Sign(ReplyPurpose, number, SignatureBytes)}@{domain}", options.SupportName);
    }

    /// <summary>The ticket of a signed reply address (<c>support+1042.sig@domain</c>, any case), or null.</summary>
    public int? TicketOfReplyAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var (supportLocal, supportDomain) = Split(helpdesk.Value.SupportAddress);
        var (local, domain) = Split(address.Trim());
        if (!domain.Equals(supportDomain, StringComparison.OrdinalIgnoreCase)
            || !local.StartsWith(supportLocal + "+", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var tag = local[(supportLocal.Length + 1)..].Split('.');
        return tag.Length == 2 && TryNumber(tag[0], out var number) && signer.Verify(ReplyPurpose, tag[0], tag[1]) ? number : null;
    }

    private string Domain => Split(helpdesk.Value.SupportAddress).Domain;

    private static (string Local, string Domain) Split(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? (address, "") : (address[..at], address[(at + 1)..]);
    }

    private static bool IsPart(string? part) =>
        part is { Length: > 0 and <= MaxPartLength } && part.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    // Canonical decimal only ("1042", not "01042" or "+1042"): one ticket, one spelling, one signature.
    private static bool TryNumber(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number)
        && number > 0
        && number.ToString(CultureInfo.InvariantCulture) == text;
}
