namespace Helpdesk.Core.Tickets;

/// <summary>
/// A part of the technician's ticket view (<c>GET tickets/{number}</c>) that another feature owns — the asset's details
/// and whom to call come from Inventory and Providers — added under the part's own top-level JSON names, so that
/// Tickets/ needs no knowledge of those features. Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ITicketViewPart
{
    /// <summary>Adds this part's properties (camelCase names) to <paramref name="view"/>.</summary>
    Task AddToAsync(Ticket ticket, IDictionary<string, object> view, CancellationToken cancellationToken);
}
