using System.Globalization;
using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Writes JSON by hand, so that a body can hold what a serializer would refuse to produce (lone surrogates as
/// escapes, duplicate keys, any value type in any field).
/// </summary>
public static class JsonText
{
    /// <summary>A JSON string literal; control characters and lone surrogates become \u escapes (still valid JSON text).</summary>
    public static string Str(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pairs = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pairs)
            {
                text.Append(c).Append(value[++i]);
            }
            else if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>An object from members whose values are already JSON text.</summary>
    public static string ObjectOf(IEnumerable<(string Name, string Json)> members) =>
        "{" + string.Join(",", members.Select(m => Str(m.Name) + ":" + m.Json)) + "}";

    public static string ObjectOf(params (string Name, string Json)[] members) => ObjectOf((IEnumerable<(string, string)>)members);

    /// <summary>An object of string fields.</summary>
    public static string Strings(IEnumerable<(string Name, string Value)> fields) => ObjectOf(fields.Select(f => (f.Name, Str(f.Value))));
}
