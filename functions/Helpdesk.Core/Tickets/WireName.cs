using System.Collections.Frozen;
using System.Text.Json;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The public contract spells enum values in kebab case ("business-software", "in-progress"), except priorities and
/// levels, written as people say them ("P1", "L2"); reading ignores case.
/// One place converts both ways so that the form, the JSON API, storage and docs agree. Parsing is strict: exactly one
/// defined name, in any case and without surrounding blanks; never a number ("1"), a comma list ("public, internal",
/// "P1,P2") or an undefined value — unlike <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>, which reads
/// "L1,L2" as L3.
/// </summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.ToWire[value];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Cache<T>.FromWire.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not one of {string.Join(", ", All<T>())}.");

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Cache<T>.Names;

    private static class Cache<T> where T : struct, Enum
    {
        // Priorities and levels are labels people say ("P1", "L2"): written as such. Everything else in kebab case.
        private static readonly bool s_labels = typeof(T) == typeof(Priority) || typeof(T) == typeof(SupportLevel);

        public static readonly FrozenDictionary<T, string> ToWire =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => s_labels ? v.ToString() : JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromWire =
            ToWire.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<T>().Select(v => ToWire[v])];
    }
}
