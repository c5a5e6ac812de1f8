using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// What a technician needs beside a ticket: its asset (when the tag names a known one) and whom to call for it
/// (<see cref="ProviderDirectory.For"/>). Two storage requests: the asset's point read and the directory's partition.
/// </summary>
public sealed class TicketContacts(AssetStore assets, ProviderDirectory directory)
{
    public async Task<TicketContactsView> ForAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var tag = AssetReader.NormalizeTag(ticket.AssetTag);
        var asset = tag is null ? null : (await assets.GetAsync(tag, ct))?.Asset;
        var providers = await directory.ForAsync(ticket.Category, asset, ct);
        return new TicketContactsView(ticket.AssetTag, asset is null ? null : TicketAsset.Of(asset), providers);
    }
}
