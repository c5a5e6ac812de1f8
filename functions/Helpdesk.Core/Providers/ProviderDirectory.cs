using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// Whom to call: the providers that cover a ticket, most specific first — its asset's provider (the asset's
/// <c>provider</c> field names a provider id or name), providers listing the asset's tag, providers covering the asset's
/// type, then those covering the ticket's category. Reads the directory (<see cref="ProviderStore"/>, one request).
/// </summary>
public sealed class ProviderDirectory(ProviderStore store)
{
    public async Task<IReadOnlyList<Provider>> AllAsync(CancellationToken ct) => [.. (await store.ListAsync(ct)).Select(p => p.Provider)];

    public async Task<IReadOnlyList<Provider>> ForAsync(Category? category, Asset? asset, CancellationToken ct) =>
        For(await AllAsync(ct), category, asset);

    /// <summary>The reference IT contact: the first provider of kind <c>it</c>, the fallback line when no one covers a category.</summary>
    public static Provider? ReferenceContact(IReadOnlyList<Provider> all) =>
        all.FirstOrDefault(p => p.Kind == "it");

    /// <summary>A provider a technician names (in a wait on a provider): by id, else by its exact name, any case.</summary>
    public static Provider? Named(IReadOnlyList<Provider> all, string? name)
    {
        var text = name?.Trim();
        return string.IsNullOrEmpty(text)
            ? null
            : all.FirstOrDefault(p => p.Id.Equals(text, StringComparison.OrdinalIgnoreCase))
              ?? all.FirstOrDefault(p => p.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<Provider> For(IReadOnlyList<Provider> all, Category? category, Asset? asset)
    {
        ArgumentNullException.ThrowIfNull(all);
        var result = new List<Provider>();
        void Add(IEnumerable<Provider> providers)
        {
            result.AddRange(providers.Where(p => !result.Any(r => r.Id == p.Id)));
        }

        if (asset is not null)
        {
            if (Named(all, asset.Provider) is { } named)
            {
                Add([named]);
            }

            Add(all.Where(p => p.AssetTags.Contains(asset.Tag, StringComparer.OrdinalIgnoreCase)));
            var type = WireName.Of(asset.Type);
            Add(all.Where(p => p.AssetTypes.Contains(type, StringComparer.Ordinal)));
        }

        if (category is { } c)
        {
            Add(all.Where(p => p.Covers(WireName.Of(c))));
        }

        return result;
    }
}
