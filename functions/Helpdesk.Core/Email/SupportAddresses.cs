using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Email;

/// <summary>
/// The addresses of the support mailbox: <c>Helpdesk:SupportAddress</c>, its aliases (<c>Helpdesk:Inbound:Aliases</c>)
/// and their plus-addresses (<c>support+1042.sig@…</c>). Mail to them is ours to read; mail from them is our own.
/// </summary>
public sealed class SupportAddresses(IOptions<HelpdeskOptions> helpdesk, IOptions<InboundOptions> inbound)
{
    public bool Contains(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var candidate = address.Trim();
        return new[] { helpdesk.Value.SupportAddress }.Concat(inbound.Value.Aliases).Any(a => Matches(a.Trim(), candidate));
    }

    private static bool Matches(string mailbox, string candidate)
    {
        if (mailbox.Equals(candidate, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var at = mailbox.LastIndexOf('@');
        return at > 0
            && candidate.StartsWith(mailbox[..at] + "+", StringComparison.OrdinalIgnoreCase)
            && candidate.EndsWith(mailbox[at..], StringComparison.OrdinalIgnoreCase)
            && candidate.IndexOf('@', StringComparison.Ordinal) == candidate.LastIndexOf('@');
    }
}
