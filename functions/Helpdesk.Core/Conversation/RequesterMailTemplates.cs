using System.Globalization;
using System.Net;
using System.Text;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// The requester mails, one template per <see cref="RequesterMailKind"/>, in one place (words in
/// <see cref="ConversationTexts"/>). Every mail: the <c>[#n]</c> tag in the subject, a greeting, what happened, the
/// quoted text when there is one, how to answer (reply to the mail) and the status page link. The HTML part encodes
/// every value: a subject or comment holding markup shows as text.
/// </summary>
public static class RequesterMailTemplates
{
    public static RequesterMailContent Render(RequesterMailKind kind, string lang, RequesterMailModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        lang = Language.Normalize(lang);
        var reference = Ticket.FormatNumber(m.Number);
        string T(string key, params object?[] args) => ConversationTexts.Format(lang, key, args);

        var (subjectKey, intro, quote, after) = kind switch
        {
            RequesterMailKind.Comment => ("mail.comment.subject", T("mail.comment.body", reference, m.Author, m.Subject), m.Body, Array.Empty<string>()),
            RequesterMailKind.Question => ("mail.question.subject", T("mail.question.body", reference, m.Subject),
                m.Body ?? T("mail.question.generic"), [T("mail.question.paused")]),
            RequesterMailKind.Resolved => ("mail.resolved.subject", T("mail.resolved.body", reference, m.Subject), m.Body,
                [T("mail.resolved.reopen", m.ReplyWithinDays)]),
            RequesterMailKind.Closed => ("mail.closed.subject", T("mail.closed.body", reference, m.Subject), null, [T("mail.closed.new", reference)]),
            RequesterMailKind.Reopened => ("mail.reopened.subject", T("mail.reopened.body", reference, m.Subject), m.Body, Array.Empty<string>()),
            RequesterMailKind.Urgent => ("mail.urgent.subject", T("mail.urgent.body", reference, m.Subject, m.Priority), null, Array.Empty<string>()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown requester mail."),
        };
        var subject = T(subjectKey, reference, OneLine(m.Subject));
        var url = m.StatusUrl.ToString();
        var replyLine = kind == RequesterMailKind.Closed ? null : T("mail.reply", reference);

        var text = new StringBuilder();
        text.Append(T("mail.greeting", m.RequesterName)).Append("\n\n").Append(intro).Append("\n\n");
        if (quote is not null)
        {
            foreach (var line in quote.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                text.Append("> ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        foreach (var line in after)
        {
            text.Append(line).Append("\n\n");
        }

        if (kind == RequesterMailKind.Resolved)
        {
            text.Append(T("mail.resolved.rate", url + "?rate=5#rate")).Append("\n\n");
        }

        if (replyLine is not null)
        {
            text.Append(replyLine).Append('\n');
        }

        text.Append(T("mail.status", url)).Append("\n\n-- \n").Append(m.SupportName).Append(" · ").Append(T("mail.signature")).Append('\n');

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{Language.HtmlLang(lang)}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head><body style=\"font-family:sans-serif;line-height:1.5;color:#1b1b1b\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(T("mail.greeting", m.RequesterName))}</p><p>{E(intro)}</p>");
        if (quote is not null)
        {
            html.Append("<blockquote style=\"border-left:4px solid #0b5cab;margin:0 0 1em;padding:.25em 1em;white-space:pre-wrap\">")
                .Append(E(quote)).Append("</blockquote>");
        }

        foreach (var line in after)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(line)}</p>");
        }

        if (kind == RequesterMailKind.Resolved)
        {
            // Links only choose the rating on the page; the requester confirms there (a link scanner must not rate).
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(T("mail.resolved.rate.html"))}</p><p>");
            for (var n = 1; n <= 5; n++)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<a href=\"{E(url)}?rate={n}#rate\" style=\"display:inline-block;padding:.4em .8em;margin-right:.3em;border:1px solid #0b5cab;border-radius:4px;color:#0b5cab;text-decoration:none\">{n}</a>");
            }

            html.Append("</p>");
        }

        if (replyLine is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(replyLine)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(url)}\">{E(T("mail.status.link"))}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555\">{E(m.SupportName)} · {E(T("mail.signature"))}</p></body></html>");
        return new RequesterMailContent(subject, text.ToString(), html.ToString());
    }

    // A subject is one line: a line break in a ticket's subject must not break the mail's header.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
