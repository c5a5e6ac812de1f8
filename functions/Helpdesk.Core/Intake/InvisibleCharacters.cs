using System.Globalization;
using System.Text;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Characters a person cannot see or type on purpose in a single-line field: control characters (NUL, ESC, CR, LF...),
/// format characters (zero-width space/joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, bidirectional overrides),
/// line and paragraph separators, and halves of surrogate pairs standing alone. They let one address or name look like
/// another, or reorder what a technician reads.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
        || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>Whether <paramref name="text"/> holds an invisible character or a lone surrogate.</summary>
    public static bool Any(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsInvisible(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="text"/> without its invisible characters and lone surrogates.</summary>
    public static string Remove(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && !IsInvisible(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
