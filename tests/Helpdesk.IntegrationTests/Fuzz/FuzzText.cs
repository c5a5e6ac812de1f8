using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Random choices and strings for one request, from its own seeded <see cref="Random"/>. No string made here contains
/// what <see cref="LeakPatterns"/> looks for, so whatever the host echoes back (form re-rendered with the user's text,
/// the ticket's subject) never passes for a leaked type name.
/// </summary>
public sealed class FuzzText(Random random)
{
    private static readonly string[] Words =
    [
        "écran", "noir", "imprimante", "bloquée", "VPN", "refuse", "mot", "de", "passe", "expiré", "réseau", "lent",
        "Outlook", "plante", "scanner", "wifi", "coupé", "printer", "jammed", "laptop", "won't", "boot", "since", "Monday",
        "factuur", "programma", "geen", "verbinding", "Ärger", "mit", "Drucker", "日本語", "テスト", "عربي", "שלום", "🖨️", "🔥",
    ];

    /// <summary>Characters that break naive handling: NUL, C0/C1 controls, zero-width and bidi marks, BOM, a lone surrogate, HTML/URL/CSV specials.</summary>
    private static readonly string[] Nasties =
    [
        "\0", "\u0001", "\u0007", "\b", "\u001B", "\u007F", "\u0085", "\u009B", "\r", "\n", "\r\n", "\t", "\u000B", "\f",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u2066", "\u061C", "\u00AD", "e\u0301\u0301\u0301",
        "\uD83D\uDE00", "\uD800", "\uDFFF", "\uFFFD", "\uFFFF", "<script>alert(1)</script>", "\"'><img src=x>", "&amp;", "%00",
        "%", "+", "=", "&", ";", ",", "{", "}", "[", "]", "\\", "\\u0000", "=CMD()", "${jndi:x}", "../../", "%s%n", "Ω≈ç√",
    ];

    public Random Random { get; } = random;

    public int Next(int maxExclusive) => Random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => Random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public T Pick<T>(params T[] items) => items[Random.Next(items.Length)];

    public string Sentence(int minWords, int maxWords)
    {
        var count = Random.Next(minWords, maxWords + 1);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(Words)));
    }

    /// <summary>A sentence with 1–4 awkward characters spliced in.</summary>
    public string Nasty()
    {
        var text = new StringBuilder(Sentence(1, 5));
        for (var i = Random.Next(1, 5); i > 0; i--)
        {
            text.Insert(Random.Next(text.Length + 1), Pick(Nasties));
        }

        return text.ToString();
    }

    public string Letters(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + Random.Next(26));
        }

        return new string(chars);
    }

    /// <summary>Printable ASCII without space (token-like), and without a backtick (see <see cref="Bytes"/>).</summary>
    public string Token(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var c = (char)Random.Next(0x21, 0x7F);
            chars[i] = c == '`' ? '~' : c;
        }

        return new string(chars);
    }

    /// <summary>Random bytes, never a backtick: three random bytes spell a generic type's arity (<c>`1[</c>) often enough to matter.</summary>
    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'`')
            {
                bytes[i] = (byte)'a';
            }
        }

        return bytes;
    }

    /// <summary>A long run of one repeated sentence, exactly <paramref name="length"/> characters.</summary>
    public string Filler(int length)
    {
        var unit = Sentence(3, 6) + " ";
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }
}
