using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Inventory;

/// <summary>What a technician filters the inventory on; text filters ignore case and match the whole value.</summary>
public sealed record AssetFilter(
    AssetType? Type = null,
    string? Site = null,
    string? Owner = null,
    string? Os = null,
    AssetStatus? Status = null,
    DateOnly? WarrantyBefore = null)
{
    public static readonly AssetFilter None = new();

    /// <summary>The table filter over the indexed columns of <see cref="AssetStore"/> (escaped by the SDK).</summary>
    internal string ToTableFilter()
    {
        var parts = new List<string> { Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {AssetStore.Partition}") };
        if (Type is { } type)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Type eq {WireName.Of(type)}"));
        }

        if (Site is { } site)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"SiteKey eq {AssetStore.Key(site)}"));
        }

        if (Owner is { } owner)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"OwnerKey eq {AssetStore.Key(owner)}"));
        }

        if (Os is { } os)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"OsKey eq {AssetStore.Key(os)}"));
        }

        if (Status is { } status)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Status eq {WireName.Of(status)}"));
        }

        if (WarrantyBefore is { } before)
        {
            // Dates are stored as yyyy-MM-dd text, which sorts like the dates; assets without a warranty have no column.
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"WarrantyEnd lt {before.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return string.Join(" and ", parts);
    }
}
