using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// The requester's status page: server-rendered, no JavaScript, every value HTML-encoded. Accessibility as the form:
/// one h1, a summary list, the history as an ordered list, labelled fields, an error summary first that links to each
/// field, radio groups as fieldsets with legends, visible focus, text that wraps at 320 px.
/// </summary>
public static class StatusPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    // Lines whose own text is for the requester (a technician's words); others show their localized label only.
    private static readonly HashSet<string> TextKinds = ["commented", "waiting", "resolved", "reopened"];

    public static string Render(StatusPageModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var lang = m.Lang;
        string T(string key, params object?[] args) => ConversationTexts.Format(lang, key, args);
        var t = m.Ticket;
        var self = $"/{ApiRoutes.Prefix}/status/{m.Token}";
        var other = lang == Language.French ? Language.English : Language.French;
        var sb = new StringBuilder(8 * 1024);
        var title = T("status.title", t.Reference, t.Subject);
        Head(sb, lang, (m.Errors.Count > 0 ? T("status.errors") + " — " : "") + title);
        sb.Append("<main>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"lang\"><a href=\"{E(self)}?lang={other}\" hreflang=\"{other}\" lang=\"{other}\">{E(T("status.lang"))}</a></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1 id=\"title\">{E(title)}</h1>");
        if (m.Errors.Count > 0)
        {
            sb.Append("<div class=\"error-summary\" role=\"alert\" id=\"error-summary\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">");
            sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"error-summary-title\">{E(T("status.errors"))}</h2><ul>");
            foreach (var (field, message) in m.Errors)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(field)}\">{E(message)}</a></li>");
            }

            sb.Append("</ul></div>");
        }
        else if (m.Notice is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\" id=\"notice\">{E(m.Notice)}</p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">{E(T("status.summary"))}</h2><dl class=\"summary\">");
        Term(sb, T("status.status"), T("state." + WireName.Of(t.Status)), "status");
        Term(sb, T("status.priority"), T("priority." + t.Priority), "priority");
        Term(sb, T("status.level"), T("level." + t.Level), "level");
        if (m.NextStep is not null)
        {
            Term(sb, T("status.next"), m.NextStep, "next");
        }

        sb.Append("</dl>");
        if (m.EmergencyPhone is { } phone && t.Status != TicketStatus.Closed)
        {
            var tel = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"urgent\">{E(T("status.urgent", "")).TrimEnd('.', ' ')} <a href=\"tel:{E(tel)}\">{E(phone)}</a>.</p>");
        }

        sb.Append("</section>");

        Timeline(sb, m, T);
        Files(sb, m, T);
        if (t.Status != TicketStatus.Closed)
        {
            Reply(sb, m, self, T);
            Attach(sb, m, self, T);
            Outcome(sb, m, self, T);
        }

        if (t.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            Rate(sb, m, self, T);
        }

        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>The page for a link that is forged, expired or for no ticket: says nothing about any ticket.</summary>
    public static string RenderDenied(string lang)
    {
        var sb = new StringBuilder(1024);
        var title = ConversationTexts.Get(lang, "status.denied.title");
        Head(sb, lang, title);
        sb.Append(CultureInfo.InvariantCulture, $"<main><h1>{E(title)}</h1><p>{E(ConversationTexts.Get(lang, "status.denied.body"))}</p></main></body></html>");
        return sb.ToString();
    }

    private static void Timeline(StringBuilder sb, StatusPageModel m, Func<string, object?[], string> T)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"timeline-title\"><h2 id=\"timeline-title\">{E(T("status.timeline", []))}</h2>");
        var lines = m.Timeline.Where(IsShown).ToList();
        if (lines.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(T("status.timeline.empty", []))}</p></section>");
            return;
        }

        var culture = ConversationTexts.Culture(m.Lang);
        sb.Append("<ol class=\"timeline\" id=\"timeline\">");
        foreach (var line in lines)
        {
            var local = TimeZoneInfo.ConvertTime(line.At, m.Zone);
            var who = Who(line.Actor, m.Ticket, m.Lang);
            var label = ConversationTexts.Has("status.kind." + line.Kind) ? T("status.kind." + line.Kind, []) : line.Kind;
            sb.Append(CultureInfo.InvariantCulture,
                $"<li><p class=\"meta\"><time datetime=\"{line.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{E(local.ToString("d MMMM yyyy, HH:mm", culture))}</time> · {E(who)} · <strong>{E(label)}</strong></p>");
            if (TextKinds.Contains(line.Kind) && line.Text != "Reopened.")
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"text\">{E(line.Text)}</p>");
            }
            else if (line.Kind == RequesterAttachments.TimelineKind && line.Data?.GetValueOrDefault("files") is { Length: > 0 } files)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"text\">{E(string.Join(", ", files.Split('/')))}</p>");
            }

            sb.Append("</li>");
        }

        sb.Append("</ol></section>");
    }

    private static void Reply(StringBuilder sb, StatusPageModel m, string self, Func<string, object?[], string> T)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"reply-title\"><h2 id=\"reply-title\">{E(T("status.reply", []))}</h2>");
        FormStart(sb, m, self, "reply");
        sb.Append("<div class=\"field\">");
        sb.Append(CultureInfo.InvariantCulture, $"<label for=\"reply-text\">{E(T("status.reply.label", []))}</label>");
        var described = ErrorOf(sb, m, "reply-text");
        sb.Append(CultureInfo.InvariantCulture,
            $"<textarea id=\"reply-text\" name=\"text\" rows=\"6\" maxlength=\"{ActionCommands.MaxTextLength}\"{described}>{E(m.ReplyText ?? "")}</textarea></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T("status.reply.submit", []))}</button></form></section>");
    }

    private static void Files(StringBuilder sb, StatusPageModel m, Func<string, object?[], string> T)
    {
        if (m.Ticket.Attachments.Count == 0)
        {
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"files-title\"><h2 id=\"files-title\">{E(T("status.files", []))}</h2><ul id=\"files\">");
        foreach (var a in m.Ticket.Attachments)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li>{E(a.FileName)} ({E(Size(a.Length, m.Lang))})</li>");
        }

        sb.Append("</ul></section>");
    }

    /// <summary>
    /// The "add files" form: multipart, so it works without JavaScript; the per-form token comes before the file input
    /// (browsers send parts in page order), which lets the server refuse a forged post before storing anything.
    /// </summary>
    private static void Attach(StringBuilder sb, StatusPageModel m, string self, Func<string, object?[], string> T)
    {
        var limits = m.Uploads;
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"attach-title\"><h2 id=\"attach-title\">{E(T("status.attach", []))}</h2>");
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(self)}?lang={m.Lang}\" enctype=\"multipart/form-data\" class=\"form-{StatusHandler.AttachAction}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"action\" value=\"{StatusHandler.AttachAction}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"formToken\" value=\"{E(m.FormToken)}\">");
        const string field = StatusUploadReader.FileField;
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{field}\">{E(T("status.attach.label", []))}</label>");
        var types = string.Join(", ", limits.AllowedExtensions);
        sb.Append(CultureInfo.InvariantCulture,
            $"<p class=\"hint\" id=\"{field}-hint\">{E(T("status.attach.hint", [limits.MaxAttachments, limits.MaxAttachmentBytes / (1024 * 1024), types]))}</p>");
        var described = ErrorOf(sb, m, field);
        described = described.Length == 0
            ? $" aria-describedby=\"{field}-hint\""
            : described.Replace($"aria-describedby=\"{field}-error\"", $"aria-describedby=\"{field}-error {field}-hint\"", StringComparison.Ordinal);
        sb.Append(CultureInfo.InvariantCulture,
            $"<input type=\"file\" id=\"{field}\" name=\"files\" multiple accept=\"{E(string.Join(",", limits.AllowedExtensions))}\"{described}></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T("status.attach.submit", []))}</button></form></section>");
    }

    /// <summary>A file size in the reader's units (French: o, Ko, Mo).</summary>
    private static string Size(long bytes, string lang)
    {
        var culture = ConversationTexts.Culture(lang);
        var french = lang == Language.French;
        return bytes switch
        {
            < 1024 => bytes.ToString(culture) + (french ? " o" : " B"),
            < 1024 * 1024 => Math.Ceiling(bytes / 1024.0).ToString(culture) + (french ? " Ko" : " KB"),
            _ => (bytes / (1024.0 * 1024.0)).ToString("0.0", culture) + (french ? " Mo" : " MB"),
        };
    }

    private static void Outcome(StringBuilder sb, StatusPageModel m, string self, Func<string, object?[], string> T)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"outcome-title\"><h2 id=\"outcome-title\">{E(T("status.outcome", []))}</h2><div class=\"buttons\">");
        FormStart(sb, m, self, "solved");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"solved\">{E(T("status.solved", []))}</button></form>");
        if (m.Ticket.Status == TicketStatus.Resolved)
        {
            FormStart(sb, m, self, "broken");
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"broken-text\">{E(T("status.broken.label", []))}</label>");
            sb.Append(CultureInfo.InvariantCulture, $"<textarea id=\"broken-text\" name=\"text\" rows=\"3\" maxlength=\"{ActionCommands.MaxTextLength}\"></textarea></div>");
            sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"broken\" class=\"secondary\">{E(T("status.broken", []))}</button></form>");
        }

        sb.Append("</div></section>");
    }

    private static void Rate(StringBuilder sb, StatusPageModel m, string self, Func<string, object?[], string> T)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"rate-title\" id=\"rate\"><h2 id=\"rate-title\">{E(T("status.rate", []))}</h2>");
        if (m.Rating is { } current)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"current-rating\">{E(T("status.rate.current", [current.Rating]))}</p>");
        }

        FormStart(sb, m, self, "rate");
        var chosen = m.ChosenRating ?? m.Rating?.Rating;
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\" id=\"rating\"{(m.Errors.ContainsKey("rating") ? " aria-invalid=\"true\"" : "")}>");
        sb.Append(CultureInfo.InvariantCulture, $"<legend>{E(T("status.rate.legend", []))}</legend>");
        ErrorOf(sb, m, "rating");
        sb.Append("<div class=\"stars\">");
        for (var n = 1; n <= 5; n++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<span class=\"radio\"><input type=\"radio\" id=\"rating-{n}\" name=\"rating\" value=\"{n}\"{(chosen == n ? " checked" : "")}><label for=\"rating-{n}\">{n}</label></span>");
        }

        sb.Append("</div></fieldset><div class=\"field\">");
        sb.Append(CultureInfo.InvariantCulture, $"<label for=\"rate-comment\">{E(T("status.rate.comment", []))}</label>");
        var described = ErrorOf(sb, m, "rate-comment");
        sb.Append(CultureInfo.InvariantCulture,
            $"<textarea id=\"rate-comment\" name=\"comment\" rows=\"3\" maxlength=\"{SatisfactionStore.MaxCommentLength}\"{described}>{E(m.Rating?.Comment ?? "")}</textarea></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T("status.rate.submit", []))}</button></form></section>");
    }

    private static void FormStart(StringBuilder sb, StatusPageModel m, string self, string action)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(self)}?lang={m.Lang}\" class=\"form-{action}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"action\" value=\"{action}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"formToken\" value=\"{E(m.FormToken)}\">");
    }

    private static string ErrorOf(StringBuilder sb, StatusPageModel m, string field)
    {
        if (!m.Errors.TryGetValue(field, out var error))
        {
            return "";
        }

        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{field}-error\">{E(error)}</p>");
        return $" aria-invalid=\"true\" aria-describedby=\"{field}-error\"";
    }

    private static void Term(StringBuilder sb, string term, string value, string id) =>
        sb.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(term)}</dt><dd id=\"{id}\">{E(value)}</dd></div>");

    private static bool IsShown(TimelineEntry line) =>
        line.Visibility == Visibility.Public && !line.Kind.StartsWith("email-", StringComparison.Ordinal);

    private static string Who(string actor, Ticket t, string lang) =>
        string.Equals(actor.Trim(), t.Requester.Email.Trim(), StringComparison.OrdinalIgnoreCase) || actor is "requester" or "web" or "form"
            ? ConversationTexts.Get(lang, "status.you")
            : PublicAuthor.Of(actor, ConversationTexts.Get(lang, "status.support"));

    private static void Head(StringBuilder sb, string lang, string title)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{Language.HtmlLang(lang)}\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><style>{Css}</style></head><body>");
    }

    private static string E(string text) => Html.Encode(text);

    private const string Css =
        "*{box-sizing:border-box}body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b;overflow-wrap:anywhere}" +
        "a{color:#0b5cab}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}" +
        ".summary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}.summary div{display:contents}dt{font-weight:600}dd{margin:0}" +
        ".timeline{list-style:none;padding:0}.timeline li{border-left:4px solid #0b5cab;padding:.25rem .75rem;margin:0 0 1rem}" +
        ".meta{color:#444;margin:0}.text{white-space:pre-wrap;margin:.25rem 0 0}" +
        "label,legend{display:block;font-weight:600}.hint{margin:0 0 .25rem;color:#444}input[type=file]{width:100%;font:inherit;padding:.5rem 0}textarea{width:100%;padding:.5rem;font:inherit;border:2px solid #555;border-radius:4px}" +
        ".field{margin:0 0 1rem;border:0;padding:0}.error{color:#b00020;font-weight:600;margin:.25rem 0}[aria-invalid=true]{border-color:#b00020}" +
        ".error-summary{border:3px solid #b00020;padding:1rem;margin-bottom:1.5rem}.notice{border:3px solid #0a7d3b;padding:1rem;font-weight:600}" +
        ".stars{display:flex;flex-wrap:wrap;gap:1rem}.radio{display:inline-flex;gap:.35rem;align-items:center}.radio label{font-weight:400}" +
        ".buttons form{margin:0 0 1rem}button{font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#0b5cab;color:#fff;border:0;border-radius:4px}" +
        "button.secondary{background:#fff;color:#0b5cab;border:2px solid #0b5cab}:focus-visible{outline:3px solid #fd0;outline-offset:2px}";
}
