using System.Collections.Frozen;
using System.Text.Json;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The public contract spells enum values in kebab case ("business-software", "in-progress").
/// One place converts both ways so that the form, the JSON API, storage and docs agree.
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
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid {typeof(T).Name}.");

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Cache<T>.Names;

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToWire =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromWire =
            ToWire.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<T>().Select(v => ToWire[v])];
    }
}
