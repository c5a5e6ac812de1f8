using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Web;

namespace Helpdesk.Core.Intake;

/// <summary>
/// The requester's form and confirmation page: server-rendered, no JavaScript needed, every value HTML-encoded.
/// Accessibility: each input has a label, hints and errors are tied with aria-describedby, an error summary with
/// links to the fields comes first and takes the focus order, radio groups are fieldsets with legends.
/// </summary>
public static class FormPage
{
    // All Unicode ranges: French text stays readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(string lang, IntakeOptions limits, string formToken, TicketSubmission? values = null,
        IReadOnlyDictionary<string, string>? errors = null, IReadOnlyList<EmergencyLine>? emergency = null)
    {
        values ??= new TicketSubmission();
        errors ??= new Dictionary<string, string>();
        var t = (string key) => Texts.Get(lang, key);
        var other = lang == Language.French ? Language.English : Language.French;
        var sb = new StringBuilder(8 * 1024);
        Head(sb, lang, (errors.Count > 0 ? t("form.errors.title") + " — " : "") + t("form.title"));
        sb.Append("<main>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"lang\"><a href=\"?lang={other}\" hreflang=\"{other}\" lang=\"{other}\">{E(t("form.language"))}</a></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(t("form.title"))}</h1><p>{E(t("form.intro"))}</p>");
        if (errors.Count > 0)
        {
            sb.Append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\" aria-labelledby=\"error-summary-title\">");
            sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"error-summary-title\">{E(t("form.errors.title"))}</h2><ul>");
            foreach (var (field, message) in errors)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(field)}\">{E(SummaryText(lang, field, message))}</a></li>");
            }

            sb.Append("</ul></div>");
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"<form method=\"post\" action=\"/{ApiRoutes.Prefix}/{IntakeRoutes.Tickets}?lang={lang}\" enctype=\"multipart/form-data\" novalidate>");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"formToken\" value=\"{E(formToken)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"lang\" value=\"{lang}\">");
        Input(sb, lang, "name", "text", values.Name, errors, required: true, autocomplete: "name");
        Input(sb, lang, "email", "email", values.Email, errors, required: true, autocomplete: "email");
        Input(sb, lang, "phone", "tel", values.Phone, errors, required: false, autocomplete: "tel");
        Input(sb, lang, "subject", "text", values.Subject, errors, required: true, autocomplete: "off");
        TextArea(sb, lang, "description", values.Description, errors);
        Select<Category>(sb, lang, "category", values.Category, errors);
        EmergencyLines(sb, lang, emergency ?? []);
        Radios<Impact>(sb, lang, "impact", values.Impact, errors);
        Radios<CanWork>(sb, lang, "canWork", values.CanWork, errors);
        Input(sb, lang, "assetTag", "text", values.AssetTag, errors, required: false, autocomplete: "off", hintKey: "form.assetTag.hint");
        Attachments(sb, lang, limits, errors);
        // Honeypot: hidden from people (and from assistive technology), tempting for bots.
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">{E(t("form.website"))}</label><input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(t("form.submit"))}</button></form></main></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// A line of the error summary names its field ("Indiquez votre nom"), where the message beside the field can stay
    /// short: seven times "Ce champ est obligatoire." in a summary tells nothing.
    /// </summary>
    public static string SummaryText(string lang, string field, string message)
    {
        var key = "form.summary.required." + field;
        if (message == Texts.Get(lang, "error.required") && Texts.Keys.Contains(key))
        {
            return Texts.Get(lang, key);
        }

        var label = Texts.Keys.Contains("form." + field) ? Texts.Get(lang, "form." + field) : field;
        return Texts.Format(lang, "form.summary.field", label, message);
    }

    /// <summary>
    /// The confirmation: the number, when the requester will hear from us in words (<paramref name="promise"/>, e.g.
    /// "au plus tard demain à 12:30"), the status page and whom to call when it cannot wait.
    /// </summary>
    public static string RenderConfirmation(string lang, Ticket ticket, string? promise = null, Uri? statusUrl = null, string? emergencyPhone = null,
        EmergencyLine? emergencyLine = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var reference = ticket.Reference;
        var sb = new StringBuilder(2048);
        Head(sb, lang, Texts.Format(lang, "done.title", reference));
        sb.Append("<main>");
        sb.Append(CultureInfo.InvariantCulture, $"<h1 id=\"ticket-number\" data-number=\"{ticket.Number}\">{E(Texts.Format(lang, "done.title", reference))}</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Format(lang, "done.body", ticket.Requester.Name, reference, ticket.Requester.Email))}</p>");
        sb.Append(promise is null
            ? $"<p>{E(Texts.Format(lang, "done.priority", ticket.Priority))}</p>"
            : $"<p id=\"promise\"><strong>{E(Texts.Format(lang, "done.when", promise))}</strong></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Format(lang, "done.next", reference))}</p>");
        if (statusUrl is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p><a id=\"status-link\" href=\"{E(statusUrl.PathAndQuery)}\">{E(Texts.Get(lang, "done.status"))}</a></p>");
        }

        if (emergencyLine is not null)
        {
            // The directory's line for this category (e.g. the internet provider when the internet is down), or the reference IT contact.
            sb.Append(CultureInfo.InvariantCulture,
                $"<p id=\"urgent\">{E(Texts.Format(lang, "done.urgent.named", emergencyLine.Name))} {PhoneLink(emergencyLine.Phone)}{(emergencyLine.Hours is { } hours ? " (" + E(hours) + ")" : "")}.</p>");
        }
        else if (!string.IsNullOrWhiteSpace(emergencyPhone))
        {
            var tel = new string([.. emergencyPhone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"urgent\">{E(Texts.Get(lang, "done.urgent"))} <a href=\"tel:{E(tel)}\">{E(emergencyPhone.Trim())}</a>.</p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/{ApiRoutes.Prefix}/{IntakeRoutes.Form}?lang={lang}\">{E(Texts.Get(lang, "done.another"))}</a></p>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// Whom to call in an emergency, per category, right under the category: a list that reads without JavaScript (the
    /// pages carry none, see <see cref="SecurityHeaders"/>); where the browser supports <c>:has()</c>, a style rule shows
    /// only the chosen category's line and the general one.
    /// </summary>
    private static void EmergencyLines(StringBuilder sb, string lang, IReadOnlyList<EmergencyLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field emergency\" id=\"emergency\"><p class=\"hint\"><strong>{E(Texts.Get(lang, "form.emergency.title"))}</strong></p><ul>");
        foreach (var line in lines)
        {
            var what = line.Category is { } category ? Texts.Get(lang, "category." + category) : Texts.Get(lang, "form.emergency.other");
            sb.Append(CultureInfo.InvariantCulture,
                $"<li data-category=\"{E(line.Category ?? "*")}\">{E(Texts.Format(lang, "form.emergency.line", what, line.Name))} {PhoneLink(line.Phone)}{(line.Hours is { } hours ? " (" + E(hours) + ")" : "")}</li>");
        }

        sb.Append("</ul><style>");
        foreach (var category in WireName.All<Category>())
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"form:has(#category option[value=\"{category}\"]:checked) .emergency li:not([data-category=\"{category}\"]):not([data-category=\"*\"]){{display:none}}");
        }

        sb.Append("</style></div>");
    }

    private static string PhoneLink(string phone)
    {
        var tel = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        return $"<a href=\"tel:{E(tel)}\">{E(phone.Trim())}</a>";
    }

    private static void Head(StringBuilder sb, string lang, string title)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{Language.HtmlLang(lang)}\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><style>{Css}</style></head><body>");
    }

    private static void Input(StringBuilder sb, string lang, string field, string type, string? value, IReadOnlyDictionary<string, string> errors,
        bool required, string autocomplete, string? hintKey = null)
    {
        sb.Append("<div class=\"field\">");
        Label(sb, lang, field, required);
        var describedBy = Describe(sb, lang, field, errors, hintKey);
        sb.Append(CultureInfo.InvariantCulture,
            $"<input type=\"{type}\" id=\"{field}\" name=\"{field}\" value=\"{E(value ?? "")}\" autocomplete=\"{autocomplete}\"{(required ? " required aria-required=\"true\"" : "")}{Invalid(field, errors)}{describedBy}>");
        sb.Append("</div>");
    }

    private static void TextArea(StringBuilder sb, string lang, string field, string? value, IReadOnlyDictionary<string, string> errors)
    {
        sb.Append("<div class=\"field\">");
        Label(sb, lang, field, required: true);
        var describedBy = Describe(sb, lang, field, errors, "form.description.hint");
        sb.Append(CultureInfo.InvariantCulture,
            $"<textarea id=\"{field}\" name=\"{field}\" rows=\"8\" required aria-required=\"true\"{Invalid(field, errors)}{describedBy}>{E(value ?? "")}</textarea>");
        sb.Append("</div>");
    }

    private static void Select<T>(StringBuilder sb, string lang, string field, string? value, IReadOnlyDictionary<string, string> errors) where T : struct, Enum
    {
        sb.Append("<div class=\"field\">");
        Label(sb, lang, field, required: true);
        var describedBy = Describe(sb, lang, field, errors, null);
        sb.Append(CultureInfo.InvariantCulture, $"<select id=\"{field}\" name=\"{field}\" required aria-required=\"true\"{Invalid(field, errors)}{describedBy}>");
        sb.Append("<option value=\"\"></option>");
        foreach (var option in WireName.All<T>())
        {
            var selected = string.Equals(option, value, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{option}\"{selected}>{E(Texts.Get(lang, field + "." + option))}</option>");
        }

        sb.Append("</select></div>");
    }

    private static void Radios<T>(StringBuilder sb, string lang, string field, string? value, IReadOnlyDictionary<string, string> errors) where T : struct, Enum
    {
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\" id=\"{field}\"{Invalid(field, errors)}>");
        sb.Append(CultureInfo.InvariantCulture, $"<legend>{E(Texts.Get(lang, "form." + field))} <span class=\"req\">*</span></legend>");
        Describe(sb, lang, field, errors, null);
        foreach (var option in WireName.All<T>())
        {
            var id = field + "-" + option;
            var check = string.Equals(option, value, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"<div class=\"radio\"><input type=\"radio\" id=\"{id}\" name=\"{field}\" value=\"{option}\"{check}><label for=\"{id}\">{E(Texts.Get(lang, field + "." + option))}</label></div>");
        }

        sb.Append("</fieldset>");
    }

    private static void Attachments(StringBuilder sb, string lang, IntakeOptions limits, IReadOnlyDictionary<string, string> errors)
    {
        const string field = "attachments";
        sb.Append("<div class=\"field\">");
        Label(sb, lang, field, required: false);
        var hint = Texts.Format(lang, "form.attachments.hint", limits.MaxAttachments, limits.MaxAttachmentBytes / (1024 * 1024));
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{field}-hint\">{E(hint)}</p>");
        if (errors.TryGetValue(field, out var error))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{field}-error\">{E(error)}</p>");
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"<input type=\"file\" id=\"{field}\" name=\"{field}\" multiple accept=\"{string.Join(",", limits.AllowedExtensions)}\" aria-describedby=\"{field}-hint{(error is null ? "" : $" {field}-error")}\">");
        sb.Append("</div>");
    }

    private static void Label(StringBuilder sb, string lang, string field, bool required) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<label for=\"{field}\">{E(Texts.Get(lang, "form." + field))}{(required ? " <span class=\"req\">*</span>" : "")}</label>");

    /// <summary>Writes the hint and error paragraphs and returns the matching aria-describedby attribute.</summary>
    private static string Describe(StringBuilder sb, string lang, string field, IReadOnlyDictionary<string, string> errors, string? hintKey)
    {
        var ids = new List<string>();
        if (hintKey is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{field}-hint\">{E(Texts.Get(lang, hintKey))}</p>");
            ids.Add(field + "-hint");
        }

        if (errors.TryGetValue(field, out var error))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{field}-error\">{E(error)}</p>");
            ids.Add(field + "-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    private static string Invalid(string field, IReadOnlyDictionary<string, string> errors) =>
        errors.ContainsKey(field) ? " aria-invalid=\"true\"" : "";

    private static string E(string text) => Html.Encode(text);

    private const string Css =
        "*{box-sizing:border-box}body{font-family:system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1b1b1b;overflow-wrap:anywhere}" +
        "input[type=file]{max-width:100%}a{color:#0b5cab}" +
        "label,legend{display:block;font-weight:600}input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;padding:.5rem;font:inherit;border:2px solid #555;border-radius:4px}" +
        ".field{margin:0 0 1.25rem;border:0;padding:0}.hint{color:#555;margin:.25rem 0}.error{color:#b00020;font-weight:600;margin:.25rem 0}" +
        "[aria-invalid=true]{border-color:#b00020}.error-summary{border:3px solid #b00020;padding:1rem;margin-bottom:1.5rem}" +
        ".radio{display:flex;gap:.5rem;align-items:center}.radio label{font-weight:400}.req{color:#b00020}" +
        "button{font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#0b5cab;color:#fff;border:0;border-radius:4px}" +
        ":focus-visible{outline:3px solid #fd0;outline-offset:2px}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}";
}
