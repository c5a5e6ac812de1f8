using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>The details of a ticket's asset that help on the phone: what it is, where, its system and its warranty.</summary>
public sealed record TicketAsset(
    string Tag,
    string Type,
    string Name,
    string? Manufacturer,
    string? Model,
    string? Os,
    string? OsVersion,
    DateOnly? WarrantyEnd,
    string? Site,
    string? Owner,
    string Status,
    string? Provider)
{
    public static TicketAsset Of(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new(asset.Tag, WireName.Of(asset.Type), asset.Name, asset.Manufacturer, asset.Model, asset.Os, asset.OsVersion,
            asset.WarrantyEnd, asset.Site, asset.Owner, WireName.Of(asset.Status), asset.Provider);
    }
}
