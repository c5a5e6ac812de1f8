using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// Adds to <c>GET tickets/{number}</c>: <c>asset</c> (its details, or <c>{"tag", "known": false}</c> for a tag the
/// inventory does not know) and <c>providers</c> (whom to call, most specific first; empty when no one covers it).
/// </summary>
public sealed class TicketContactsPart(TicketContacts contacts) : ITicketViewPart
{
    public async Task AddToAsync(Ticket ticket, IDictionary<string, object> view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var found = await contacts.ForAsync(ticket, cancellationToken);
        if (found.Asset is { } asset)
        {
            view["asset"] = asset;
        }
        else if (found.AssetTag is { } tag)
        {
            view["asset"] = new { tag, known = false };
        }

        view["providers"] = found.Providers;
    }
}
