using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

/// <summary>
/// The form's and confirmation's "whom to call in an emergency", from the directory: for a category, the first
/// provider (by name) covering it that has a support phone; for anything else the reference IT contact (kind
/// <c>it</c>) with a phone. The directory read is reused for <see cref="ProviderDirectoryOptions.EmergencyLinesCache"/>
/// (until this instance changes the directory): a requester's form post should not wait on it.
/// </summary>
public sealed class ProviderEmergencyLines(ProviderDirectory directory, ProviderStore store, IOptions<ProviderDirectoryOptions> options, TimeProvider time)
    : IEmergencyLines
{
    private sealed record Snapshot(IReadOnlyList<Provider> Providers, long Version, DateTimeOffset ReadAt);

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<EmergencyLine>> ForFormAsync(CancellationToken cancellationToken)
    {
        var all = await DirectoryAsync(cancellationToken);
        var lines = new List<EmergencyLine>();
        foreach (var category in Enum.GetValues<Category>())
        {
            if (Covering(all, category) is { } line)
            {
                lines.Add(line);
            }
        }

        if (Reference(all) is { } reference)
        {
            lines.Add(reference);
        }

        return lines;
    }

    public async Task<EmergencyLine?> ForCategoryAsync(Category category, CancellationToken cancellationToken)
    {
        var all = await DirectoryAsync(cancellationToken);
        return Covering(all, category) ?? Reference(all);
    }

    private async Task<IReadOnlyList<Provider>> DirectoryAsync(CancellationToken ct)
    {
        var lifetime = options.Value.EmergencyLinesCache;
        var now = time.GetUtcNow();
        if (_snapshot is { } cached && cached.Version == store.Version && now - cached.ReadAt < lifetime && now >= cached.ReadAt)
        {
            return cached.Providers;
        }

        // The version is taken before the read: a write landing during the read leaves the snapshot stale, not wrong forever.
        var version = store.Version;
        var providers = await directory.AllAsync(ct);
        if (lifetime > TimeSpan.Zero)
        {
            _snapshot = new Snapshot(providers, version, now);
        }

        return providers;
    }

    private static EmergencyLine? Covering(IReadOnlyList<Provider> all, Category category)
    {
        var wire = WireName.Of(category);
        return all.FirstOrDefault(p => p.SupportPhone is not null && p.Covers(wire)) is { } p
            ? new EmergencyLine(wire, p.Name, p.SupportPhone!, p.Hours)
            : null;
    }

    private static EmergencyLine? Reference(IReadOnlyList<Provider> all) =>
        all.FirstOrDefault(p => p.Kind == "it" && p.SupportPhone is not null) is { } p ? new EmergencyLine(null, p.Name, p.SupportPhone!, p.Hours) : null;
}
