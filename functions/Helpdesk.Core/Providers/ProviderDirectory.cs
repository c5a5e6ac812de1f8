using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

/// <summary>
/// Whom to call: the providers that cover a ticket — its asset's provider (the asset's <c>provider</c> field names a
/// provider id or name), providers listing the asset's tag, then those covering its category — most specific first.
/// </summary>
public sealed class ProviderDirectory(IOptions<ProviderDirectoryOptions> options)
{
    public IReadOnlyList<ProviderOptions> All => options.Value.Directory;

    public IReadOnlyList<ProviderOptions> For(Category? category, Asset? asset)
    {
        var result = new List<ProviderOptions>();
        void Add(IEnumerable<ProviderOptions> providers)
        {
            result.AddRange(providers.Where(p => !result.Contains(p)));
        }

        if (asset is not null)
        {
            Add(All.Where(p => asset.Provider is { } named
                && (p.Id.Equals(named.Trim(), StringComparison.OrdinalIgnoreCase) || p.Name.Equals(named.Trim(), StringComparison.OrdinalIgnoreCase))));
            Add(All.Where(p => p.Assets.Any(t => AssetReader.NormalizeTag(t) == asset.Tag)));
        }

        if (category is { } c)
        {
            Add(All.Where(p => p.Categories.Any(x => WireName.TryParse<Category>(x, out var parsed) && parsed == c)));
        }

        return result;
    }
}
