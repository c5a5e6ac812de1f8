using System.Globalization;
using System.Text;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>
/// A ticket: the facts, the SLA clock, the whole timeline (public and internal lines told apart in words, not by colour
/// alone), attachments, and a form per action. Every action is offered; one the state machine refuses comes back
/// with its reason in words.
/// </summary>
public static class TicketPage
{
    public static string Render(HttpContext http, string lang, Tickets.TicketView view, SlaStatus? clock, IReadOnlyList<Technician> team,
        string? notice, string? error, DateTimeOffset now, Conversation.SatisfactionRating? rating = null, string sections = "")
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = view.Ticket;
        var sb = new StringBuilder(16 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"<h1 id=\"ticket\" data-number=\"{t.Number}\">{E(t.Reference)} — {E(t.Subject)}</h1>");
        if (error is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"error-summary\" role=\"alert\" id=\"action-error\"><strong>{E(T(lang, "ticket.refused"))}:</strong> {E(error)}</div>");
        }
        else if (notice is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\" role=\"status\">{E(notice)}</div>");
        }

        sb.Append("<dl class=\"facts\">");
        Fact(sb, lang, "ticket.requester", $"{t.Requester.Name} <{t.Requester.Email}>{(t.Requester.Phone is { } ph ? " · " + ph : "")}");
        Fact(sb, lang, "ticket.asset", t.AssetTag ?? "—");
        Fact(sb, lang, "ticket.priority", t.Priority.ToString());
        Fact(sb, lang, "ticket.level", t.Level.ToString());
        Fact(sb, lang, "ticket.status", WireName.Of(t.Status) + (t.WaitingOn is not null && t.Provider is { } pv ? " (" + pv + ")" : ""));
        Fact(sb, lang, "ticket.assignee", t.Assignee ?? "—");
        Fact(sb, lang, "ticket.category", Texts.Get(lang, "category." + WireName.Of(t.Category)));
        Fact(sb, lang, "ticket.channel", t.Channel + (t.SourceReference is { } sr ? " (" + sr + ")" : ""));
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, "col.due"))}</dt><dd>{(t.Status.IsOpen() ? Countdown(lang, t.DueAt, now) : "—")}</dd></dl>");
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.description"))}</h2><p class=\"description\" style=\"white-space:pre-wrap\">{E(t.Description)}</p>");

        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.sla"))}</h2>");
        if (clock is null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(T(lang, "ticket.sla.none"))}</p>");
        }
        else
        {
            sb.Append("<dl class=\"facts\" id=\"sla\">");
            Fact(sb, lang, "ticket.sla.phase", WireName.Of(clock.Phase));
            Target(sb, lang, "ticket.sla.response", clock.FirstResponse, now);
            Target(sb, lang, "ticket.sla.resolution", clock.Resolution, now);
            sb.Append("</dl><ul>");
            foreach (var (level, used) in clock.TimeAtLevel.OrderBy(l => l.Key))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{E(F(lang, "ticket.sla.level", level, Span(used)))}</li>");
            }

            sb.Append("</ul>");
        }

        if (rating is not null)
        {
            // What the requester said of the service (status page), given once per ticket.
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.rating"))}</h2><dl class=\"facts\" id=\"rating\">");
            sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, "ticket.rating.score"))}</dt><dd>{E(F(lang, "ticket.rating.of5", rating.Rating))}</dd>");
            sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, "ticket.rating.at"))}</dt><dd>{E(rating.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC</dd>");
            if (!string.IsNullOrWhiteSpace(rating.Comment))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, "ticket.rating.comment"))}</dt><dd style=\"white-space:pre-wrap\">{E(rating.Comment)}</dd>");
            }

            sb.Append("</dl>");
        }

        // Other features' sections (ITicketPageSection: e.g. the asset and whom to call), escaped by their renderers.
        sb.Append(sections);

        if (t.Attachments.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.attachments"))}</h2><ul>");
            foreach (var a in t.Attachments)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{E(a.FileName)} ({E(a.ContentType)}, {a.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.timeline"))}</h2><ol class=\"timeline\" id=\"timeline\">");
        foreach (var entry in view.Timeline)
        {
            var internalLine = entry.Visibility == Visibility.Internal;
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"{(internalLine ? "internal" : "public")}\"><span class=\"badge\">{E(T(lang, internalLine ? "ticket.internal" : "ticket.public"))}</span> ");
            sb.Append(CultureInfo.InvariantCulture, $"<time datetime=\"{entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\">{E(entry.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC</time> · <strong>{E(entry.Actor)}</strong> · {E(entry.Kind)}<br>{E(entry.Text)}</li>");
        }

        sb.Append("</ol>");
        Actions(sb, http, lang, t, team);
        return sb.ToString();
    }

    private static void Actions(StringBuilder sb, HttpContext http, string lang, Ticket t, IReadOnlyList<Technician> team)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ticket.actions"))}</h2><div class=\"actions\">");
        Form(sb, http, lang, t, "acknowledge", () => Text(sb, lang, "acknowledge", "text", "field.note", false));
        Form(sb, http, lang, t, "comment", () =>
        {
            Text(sb, lang, "comment", "text", "field.text", true);
            sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\"><legend>{E(T(lang, "field.visibility"))}</legend>");
            foreach (var v in (string[])["internal", "public"])
            {
                sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"radio\" id=\"comment-{v}\" name=\"visibility\" value=\"{v}\"{(v == "internal" ? " checked" : "")}><label for=\"comment-{v}\">{E(T(lang, "field.visibility." + v))}</label></div>");
            }

            sb.Append("</fieldset>");
        });
        Form(sb, http, lang, t, "assign", () =>
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"assign-assignee\">{E(T(lang, "field.assignee"))}</label><select id=\"assign-assignee\" name=\"assignee\">");
            foreach (var member in team.Where(m => m.Levels.Contains(t.Level)))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(member.Name)}\"{(member.Name == t.Assignee ? " selected" : "")}>{E(member.Name)}</option>");
            }

            sb.Append("</select></div>");
        });
        Form(sb, http, lang, t, "wait", () =>
        {
            sb.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field\"><legend>{E(T(lang, "field.on"))}</legend>");
            foreach (var on in (string[])["requester", "provider"])
            {
                sb.Append(CultureInfo.InvariantCulture, $"<div class=\"radio\"><input type=\"radio\" id=\"wait-{on}\" name=\"on\" value=\"{on}\"{(on == "requester" ? " checked" : "")}><label for=\"wait-{on}\">{E(T(lang, "field.on." + on))}</label></div>");
            }

            sb.Append("</fieldset>");
            Line(sb, lang, "wait", "provider", "field.provider");
            Text(sb, lang, "wait", "text", "field.text", false);
        });
        Form(sb, http, lang, t, "resume", () => Text(sb, lang, "resume", "text", "field.note", false));
        Form(sb, http, lang, t, "escalate", () => Text(sb, lang, "escalate", "reason", "field.reason", false));
        Form(sb, http, lang, t, "reprioritize", () =>
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"reprioritize-priority\">{E(T(lang, "field.priority"))}</label><select id=\"reprioritize-priority\" name=\"priority\">");
            foreach (var p in Enum.GetValues<Priority>())
            {
                sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{p}\"{(p == t.Priority ? " selected" : "")}>{p}</option>");
            }

            sb.Append("</select></div>");
            Text(sb, lang, "reprioritize", "reason", "field.reason", false);
        });
        Form(sb, http, lang, t, "resolve", () => Text(sb, lang, "resolve", "resolution", "field.resolution", true));
        Form(sb, http, lang, t, "reopen", () => Text(sb, lang, "reopen", "reason", "field.reason", false));
        Form(sb, http, lang, t, "close", () => Text(sb, lang, "close", "text", "field.note", false));
        sb.Append("</div>");
    }

    private static void Form(StringBuilder sb, HttpContext http, string lang, Ticket t, string action, Action fields)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.TicketPath(t.Number)}/{action}\" id=\"form-{action}\" aria-labelledby=\"h-{action}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<h3 id=\"h-{action}\">{E(T(lang, "action." + action))}</h3>{ConsoleForms.HiddenField(http)}");
        fields();
        sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T(lang, "action." + action))}</button></form>");
    }

    private static void Text(StringBuilder sb, string lang, string action, string field, string label, bool required) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"field\"><label for=\"{action}-{field}\">{E(T(lang, label))}</label><textarea id=\"{action}-{field}\" name=\"{field}\" rows=\"3\" maxlength=\"{ActionCommands.MaxTextLength}\"{(required ? " required" : "")}></textarea></div>");

    private static void Line(StringBuilder sb, string lang, string action, string field, string label) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"<div class=\"field\"><label for=\"{action}-{field}\">{E(T(lang, label))}</label><input type=\"text\" id=\"{action}-{field}\" name=\"{field}\" maxlength=\"{ActionCommands.MaxNameLength}\"></div>");

    private static void Fact(StringBuilder sb, string lang, string key, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, key))}</dt><dd>{E(value)}</dd>");

    private static void Target(StringBuilder sb, string lang, string key, SlaTargetStatus target, DateTimeOffset now)
    {
        var due = target.State is SlaTargetState.Running ? Countdown(lang, target.Due, now) : E(WireName.Of(target.State));
        sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(T(lang, key))}</dt><dd>{due} · {E(F(lang, "ticket.sla.used", Span(target.Used), Span(target.Allowed)))}</dd>");
    }
}
