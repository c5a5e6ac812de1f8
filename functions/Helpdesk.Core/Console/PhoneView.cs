using System.Globalization;
using System.Text;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>
/// The phone ticket form: the requester typed in, and impact and "can you still work" asked with the requester
/// form's own words, so a phone ticket gets its priority the same way as a web one.
/// </summary>
public static class PhoneView
{
    public static string Render(HttpContext http, string lang, TicketSubmission values, IReadOnlyDictionary<string, string> errors,
        IReadOnlyList<KnownRequester>? known = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var sb = new StringBuilder(8 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(T(lang, "phone.title"))}</h1><p>{E(T(lang, "phone.intro"))}</p>");
        if (errors.Count > 0)
        {
            sb.Append("<div class=\"error-summary\" role=\"alert\"><ul>");
            foreach (var (field, message) in errors)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(field)}\">{E(message)}</a></li>");
            }

            sb.Append("</ul></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Phone)}\" novalidate>{ConsoleForms.HiddenField(http)}");
        // Known requesters: the browser offers them as one types (a new name or address is still accepted as typed);
        // picking an address fills an empty name (the page script, progressive enhancement).
        var lists = known is { Count: > 0 };
        Input(sb, "name", T(lang, "phone.name"), "text", values.Name, errors, lists ? "known-names" : null);
        Input(sb, "email", T(lang, "phone.email"), "email", values.Email, errors, lists ? "known-requesters" : null);
        if (lists)
        {
            sb.Append("<datalist id=\"known-requesters\">");
            foreach (var r in known!)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(r.Email)}\" label=\"{E(r.Name)}\" data-name=\"{E(r.Name)}\"></option>");
            }

            sb.Append("</datalist><datalist id=\"known-names\">");
            foreach (var name in known!.Select(r => r.Name).Distinct(StringComparer.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(name)}\"></option>");
            }

            sb.Append("</datalist>");
        }

        Input(sb, "phone", T(lang, "phone.phone"), "tel", values.Phone, errors);
        Input(sb, "subject", Texts.Get(lang, "form.subject"), "text", values.Subject, errors);
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"field\"><label for=\"description\">{E(Texts.Get(lang, "form.description"))}</label><textarea id=\"description\" name=\"description\" rows=\"5\"{Invalid("description", errors)}>{E(values.Description)}</textarea></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"category\">{E(Texts.Get(lang, "form.category"))}</label><select id=\"category\" name=\"category\"{Invalid("category", errors)}><option value=\"\"></option>");
        foreach (var c in WireName.All<Category>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{c}\"{(c == values.Category ? " selected" : "")}>{E(Texts.Get(lang, "category." + c))}</option>");
        }

        sb.Append("</select></div>");
        Radios<Impact>(sb, lang, "impact", values.Impact, errors);
        Radios<CanWork>(sb, lang, "canWork", values.CanWork, errors);
        Input(sb, "assetTag", Texts.Get(lang, "form.assetTag"), "text", values.AssetTag, errors);
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\"><legend>{E(T(lang, "roster.language"))}</legend>");
        foreach (var l in Language.Supported)
        {
            var check = (values.Lang ?? lang) == l ? " checked" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"radio\" id=\"lang-{l}\" name=\"lang\" value=\"{l}\"{check}><label for=\"lang-{l}\">{(l == Language.French ? "Français" : "English")}</label></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><button type=\"submit\">{E(T(lang, "phone.submit"))}</button></form>");
        return sb.ToString();
    }

    private static void Input(StringBuilder sb, string field, string label, string type, string? value, IReadOnlyDictionary<string, string> errors, string? list = null) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"field\"><label for=\"{field}\">{E(label)}</label><input type=\"{type}\" id=\"{field}\" name=\"{field}\" value=\"{E(value)}\"{(list is null ? "" : $" list=\"{list}\" autocomplete=\"off\"")}{Invalid(field, errors)}></div>");

    private static void Radios<TEnum>(StringBuilder sb, string lang, string field, string? value, IReadOnlyDictionary<string, string> errors) where TEnum : struct, Enum
    {
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\" id=\"{field}\"><legend>{E(Texts.Get(lang, "form." + field))}</legend>");
        foreach (var option in WireName.All<TEnum>())
        {
            var check = option == value ? " checked" : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"<div class=\"radio\"><input type=\"radio\" id=\"{field}-{option}\" name=\"{field}\" value=\"{option}\"{check}><label for=\"{field}-{option}\">{E(Texts.Get(lang, field + "." + option))}</label></div>");
        }

        if (errors.TryGetValue(field, out var error))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">{E(error)}</p>");
        }

        sb.Append("</fieldset>");
    }

    private static string Invalid(string field, IReadOnlyDictionary<string, string> errors) =>
        errors.ContainsKey(field) ? " aria-invalid=\"true\"" : "";
}
