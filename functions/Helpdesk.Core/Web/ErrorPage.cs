using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;

namespace Helpdesk.Core.Web;

/// <summary>The error page people see in a browser: a short message in both languages (theirs first), no detail.</summary>
internal static class ErrorPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(ErrorText text, string firstLanguage)
    {
        var french = (Lang: Language.French, Heading: text.FrenchHeading, Body: text.French, Back: "Retour au formulaire de demande");
        var english = (Lang: Language.English, Heading: text.EnglishHeading, Body: text.English, Back: "Back to the request form");
        var (first, second) = firstLanguage == Language.English ? (english, french) : (french, english);

        var sb = new StringBuilder(2048);
        sb.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{first.Lang}\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(first.Heading)}</title><style>{Css}</style></head><body><main>");
        foreach (var part in new[] { first, second })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section lang=\"{part.Lang}\"><h1>{E(part.Heading)}</h1><p>{E(part.Body)}</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/{ApiRoutes.Prefix}/{IntakeRoutes.Form}?lang={part.Lang}\">{E(part.Back)}</a></p></section>");
        }

        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    private static string E(string text) => Html.Encode(text);

    private const string Css =
        "body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b}" +
        "section+section{border-top:1px solid #ccc;margin-top:1.5rem}a{color:#0b5cab}:focus-visible{outline:3px solid #fd0;outline-offset:2px}";
}
