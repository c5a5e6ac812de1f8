using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Helpdesk.Core.Email;

/// <summary>
/// HTML as readable text for the ticket's description: block elements and <c>&lt;br&gt;</c> become line breaks, list
/// items get a dash, links keep their address, scripts, styles and heads vanish, runs of blank lines collapse.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "section", "article", "header", "footer", "hr",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body ?? (INode)document, text, 0);
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim();
    }

    private static void Walk(INode node, StringBuilder text, int depth)
    {
        if (depth > 200)
        {
            // Pathologically nested HTML: its text content is enough.
            text.Append(node.TextContent);
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e when e.LocalName == "li":
                    text.Append("\n- ");
                    Walk(e, text, depth + 1);
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    Walk(e, text, depth + 1);
                    text.Append(' ');
                    break;
                case IElement e when e.LocalName == "a" && e.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                    var before = text.Length;
                    Walk(e, text, depth + 1);
                    var label = text.ToString(before, text.Length - before).Trim();
                    if (!label.Equals(href, StringComparison.OrdinalIgnoreCase))
                    {
                        text.Append(" (").Append(WebUtility.HtmlDecode(href)).Append(')');
                    }

                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    text.Append('\n');
                    Walk(e, text, depth + 1);
                    text.Append('\n');
                    break;
                case IElement e:
                    Walk(e, text, depth + 1);
                    break;
            }
        }
    }
}
