using System.Globalization;
using System.Text;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>The team page (admins): who is on the roster, add a person (their key shown once), new key, remove.</summary>
public static class RosterView
{
    public static string Render(HttpContext http, string lang, IReadOnlyList<Technician> team, (Technician Who, string Key)? shown, string? error,
        string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        var sb = new StringBuilder(8 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(T(lang, "roster.title"))}</h1>");
        if (error is not null)
        {
            sb.Append(ConsoleHtml.Error(error));
        }

        if (notice is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\" role=\"status\">{E(notice)}</div>");
        }

        if (shown is { } s)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\" role=\"status\"><p>{E(F(lang, "roster.key", s.Who.Name))}</p><p class=\"key\" id=\"new-key\">{E(s.Key)}</p></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<table id=\"roster\"><thead><tr><th scope=\"col\">{E(T(lang, "roster.name"))}</th><th scope=\"col\">{E(T(lang, "roster.email"))}</th><th scope=\"col\">{E(T(lang, "roster.levels"))}</th><th scope=\"col\">{E(T(lang, "roster.role"))}</th><th scope=\"col\">{E(T(lang, "ticket.actions"))}</th></tr></thead><tbody>");
        for (var i = 0; i < team.Count; i++)
        {
            var t = team[i];
            var state = T(lang, "roster.role." + WireName.Of(t.Role)) + (t.Disabled ? " — " + T(lang, "roster.disabled") : "");
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-id=\"{E(t.Id)}\"><td>{E(t.Name)}</td><td>{E(t.Email)}</td><td>{E(string.Join(", ", t.Levels))}</td><td>{E(state)}</td><td>");
            EditForm(sb, http, lang, t, "p" + i.ToString(CultureInfo.InvariantCulture));
            foreach (var op in (string[])["newkey", "remove"])
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Roster)}\">{ConsoleForms.HiddenField(http)}<input type=\"hidden\" name=\"op\" value=\"{op}\"><input type=\"hidden\" name=\"id\" value=\"{E(t.Id)}\"><button type=\"submit\" aria-label=\"{E(T(lang, "roster." + op) + " — " + t.Name)}\">{E(T(lang, "roster." + op))}</button></form>");
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "roster.add"))}</h2><form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Roster)}\" id=\"add\">{ConsoleForms.HiddenField(http)}<input type=\"hidden\" name=\"op\" value=\"add\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"name\">{E(T(lang, "roster.name"))}</label><input type=\"text\" id=\"name\" name=\"name\" maxlength=\"{Technician.MaxNameLength}\" required></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"email\">{E(T(lang, "roster.email"))}</label><input type=\"email\" id=\"email\" name=\"email\" required></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\"><legend>{E(T(lang, "roster.levels"))}</legend>");
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"checkbox\" id=\"level-{level}\" name=\"levels\" value=\"{level}\"><label for=\"level-{level}\">{level}</label></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><fieldset class=\"field\"><legend>{E(T(lang, "roster.role"))}</legend>");
        foreach (var role in (string[])["technician", "admin"])
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"radio\" id=\"role-{role}\" name=\"role\" value=\"{role}\"{(role == "technician" ? " checked" : "")}><label for=\"role-{role}\">{E(T(lang, "roster.role." + role))}</label></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><fieldset class=\"field\"><legend>{E(T(lang, "roster.language"))}</legend>");
        foreach (var l in Localization.Language.Supported)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"radio\" id=\"language-{l}\" name=\"language\" value=\"{l}\"{(l == lang ? " checked" : "")}><label for=\"language-{l}\">{(l == "fr" ? "Français" : "English")}</label></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><button type=\"submit\">{E(T(lang, "roster.add"))}</button></form>");
        return sb.ToString();
    }

    /// <summary>A person's levels, role, language and disabled flag, changed in one post (op=edit).</summary>
    private static void EditForm(StringBuilder sb, HttpContext http, string lang, Technician t, string key)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Roster)}\" class=\"edit\">{ConsoleForms.HiddenField(http)}<input type=\"hidden\" name=\"op\" value=\"edit\"><input type=\"hidden\" name=\"id\" value=\"{E(t.Id)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\"><legend>{E(T(lang, "roster.levels") + " — " + t.Name)}</legend>");
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var check = t.Levels.Contains(level) ? " checked" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"checkbox\" id=\"{key}-level-{level}\" name=\"levels\" value=\"{level}\"{check}><label for=\"{key}-level-{level}\">{level}</label></div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</fieldset><div class=\"field\"><label for=\"{key}-role\">{E(T(lang, "roster.role") + " — " + t.Name)}</label><select id=\"{key}-role\" name=\"role\">");
        foreach (var role in Enum.GetValues<TechnicianRole>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{WireName.Of(role)}\"{(role == t.Role ? " selected" : "")}>{E(T(lang, "roster.role." + WireName.Of(role)))}</option>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</select></div><div class=\"field\"><label for=\"{key}-language\">{E(T(lang, "roster.language") + " — " + t.Name)}</label><select id=\"{key}-language\" name=\"language\">");
        foreach (var l in Localization.Language.Supported)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{l}\"{(l == t.Language ? " selected" : "")}>{(l == "fr" ? "Français" : "English")}</option>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</select></div><div class=\"radio field\"><input type=\"checkbox\" id=\"{key}-disabled\" name=\"disabled\" value=\"true\"{(t.Disabled ? " checked" : "")}><label for=\"{key}-disabled\">{E(T(lang, "roster.disabled"))}</label></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" aria-label=\"{E(T(lang, "roster.save") + " — " + t.Name)}\">{E(T(lang, "roster.save"))}</button></form>");
    }
}
