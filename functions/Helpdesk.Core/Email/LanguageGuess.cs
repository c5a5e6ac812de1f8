using System.Text.RegularExpressions;
using Helpdesk.Core.Localization;

namespace Helpdesk.Core.Email;

/// <summary>
/// French or English for the acknowledgment: the language the mail declares (Content-Language, Accept-Language), else
/// the one whose common words the subject and text use more. French when unsure: the first users are in Belgium.
/// </summary>
public static partial class LanguageGuess
{
    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "de", "des", "du", "est", "et", "je", "vous", "nous", "bonjour", "merci", "pas", "pour", "une", "avec",
        "sur", "ne", "mon", "ma", "mes", "plus", "il", "elle", "ce", "cette", "qui", "que", "dans", "au", "aux", "bonsoir", "cordialement",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "to", "you", "hello", "hi", "thanks", "thank", "please", "not", "for", "with", "my", "it", "this", "of",
        "on", "can", "cannot", "does", "doesn't", "i", "we", "our", "your", "have", "has", "regards", "dear", "be", "are", "was",
    };

    public static string Guess(string? declared, string subject, string text)
    {
        if (!string.IsNullOrWhiteSpace(declared))
        {
            var primary = declared.Split(',', ';')[0].Trim().Split('-')[0].ToLowerInvariant();
            if (Language.IsSupported(primary))
            {
                return primary;
            }
        }

        var sample = subject + " " + (text.Length > 4000 ? text[..4000] : text);
        int fr = 0, en = 0;
        foreach (Match word in Word().Matches(sample.ToLowerInvariant()))
        {
            fr += French.Contains(word.Value) ? 1 : 0;
            en += English.Contains(word.Value) ? 1 : 0;
        }

        return en > fr ? Language.English : Language.French;
    }

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();
}
