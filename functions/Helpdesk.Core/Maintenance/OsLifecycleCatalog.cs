using System.Globalization;
using System.Text.Json;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// The lifecycle catalog shipped with the product (<c>Maintenance/OsLifecycle.json</c>, each date with its public
/// source), with the tenant's overrides applied. An asset gets the most specific entry that matches it: the longest
/// <c>os</c>, then one with a version over one without ("Windows 10 Enterprise LTSC 2019" before "Windows 10").
/// </summary>
public sealed class OsLifecycleCatalog
{
    private static readonly Lazy<OsLifecycleCatalog> s_shipped = new(Load);

    public OsLifecycleCatalog(IReadOnlyList<OsLifecycleEntry> entries) => Entries = entries;

    public static OsLifecycleCatalog Shipped => s_shipped.Value;

    public IReadOnlyList<OsLifecycleEntry> Entries { get; }

    /// <summary>The shipped catalog with <c>Helpdesk:Maintenance:OsEndOfSupport</c> applied (ids and dates validated at start).</summary>
    public OsLifecycleCatalog WithOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new OsLifecycleCatalog([.. Entries.Select(e => overrides.TryGetValue(e.Id, out var date)
            ? e with { EndOfSupport = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), Source = "tenant setting Helpdesk:Maintenance:OsEndOfSupport:" + e.Id }
            : e)]);
    }

    public OsLifecycleEntry? Match(string? os, string? osVersion)
    {
        if (string.IsNullOrWhiteSpace(os))
        {
            return null;
        }

        var words = Words(os + " " + osVersion);
        OsLifecycleEntry? best = null;
        var bestScore = -1;
        foreach (var entry in Entries)
        {
            var osWords = Words(entry.Os);
            if (osWords.Length > words.Length || !osWords.SequenceEqual(words.Take(osWords.Length), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (entry.Version is { } version
                && !words.Skip(osWords.Length).Any(w => w.Equals(version, StringComparison.OrdinalIgnoreCase)
                    || w.StartsWith(version + ".", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var score = osWords.Length * 2 + (entry.Version is null ? 0 : 1);
            if (score > bestScore)
            {
                (best, bestScore) = (entry, score);
            }
        }

        return best;
    }

    private static string[] Words(string text) => text.Split([' ', '\t', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries);

    private static OsLifecycleCatalog Load()
    {
        using var stream = typeof(OsLifecycleCatalog).Assembly.GetManifestResourceStream("Helpdesk.Core.Maintenance.OsLifecycle.json")
            ?? throw new InvalidOperationException("The lifecycle catalog OsLifecycle.json is not embedded in Helpdesk.Core.");
        using var document = JsonDocument.Parse(stream);
        return new OsLifecycleCatalog([.. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => new OsLifecycleEntry(
            e.GetProperty("id").GetString()!,
            e.GetProperty("os").GetString()!,
            e.TryGetProperty("version", out var v) ? v.GetString() : null,
            DateOnly.ParseExact(e.GetProperty("endOfSupport").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.GetProperty("source").GetString()!))]);
    }
}
