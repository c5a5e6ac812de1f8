using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// Links a new ticket to the asset its equipment tag names: the ticket appears in the asset's log and list of
/// tickets by itself. A tag that is not in the inventory stays on the ticket as text (it is never refused). Idempotent:
/// the link row's key is the ticket number.
/// </summary>
public sealed class AssetTicketLink(TicketStore tickets, AssetStore assets, ILogger<AssetTicketLink> logger) : ITicketEventHandler
{
    public const string HandlerName = "asset-link";

    public string Name => HandlerName;

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (ticketEvent.Kind != TicketEventKind.Created)
        {
            return;
        }

        // The snapshot does not carry the tag: one point read of the ticket, only for created events.
        var stored = await tickets.GetAsync(ticketEvent.Number, cancellationToken);
        if (stored?.Ticket.AssetTag is not { } text || AssetReader.NormalizeTag(text) is not { } tag)
        {
            return;
        }

        if (await assets.GetAsync(tag, cancellationToken) is null)
        {
            InventoryLog.TicketAssetUnknown(logger, ticketEvent.Number, tag);
            return;
        }

        var ticket = stored.Ticket;
        await assets.LinkTicketAsync(tag, ticket.Number, new AssetLogEntry(ticket.CreatedAt, ticket.Requester.Name, $"{ticket.Reference} {ticket.Subject}", ticket.Number), cancellationToken);
        InventoryLog.TicketLinked(logger, ticket.Number, tag);
    }
}
