using System.Globalization;
using System.Text;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Tickets;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>A queue (or search results): filters, then one row per ticket with its countdown to the next SLA deadline.</summary>
public static class QueueView
{
    public static string Render(string lang, string queue, string title, IReadOnlyList<QueueItem> rows, int total, string query,
        Category? category, Priority? priority, DateTimeOffset now)
    {
        var sb = new StringBuilder(rows.Count * 600 + 2048);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)} <span class=\"count\">({total})</span></h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Queues)}\" class=\"filters\">");
        if (queue != "search")
        {
            sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"queue\" value=\"{E(queue)}\">");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"q\" value=\"{E(query)}\">");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<div><label for=\"category\">{E(T(lang, "filter.category"))}</label><select id=\"category\" name=\"category\"><option value=\"\">{E(T(lang, "filter.any"))}</option>");
        foreach (var c in WireName.All<Category>())
        {
            var selected = category is { } cat && WireName.Of(cat) == c ? " selected" : "";
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{c}\"{selected}>{E(Texts.Get(lang, "category." + c))}</option>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</select></div><div><label for=\"priority\">{E(T(lang, "filter.priority"))}</label><select id=\"priority\" name=\"priority\"><option value=\"\">{E(T(lang, "filter.any"))}</option>");
        foreach (var p in Enum.GetValues<Priority>())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{p}\"{(priority == p ? " selected" : "")}>{p}</option>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</select></div><button type=\"submit\">{E(T(lang, "filter"))}</button></form>");
        if (rows.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(T(lang, "queue.empty"))}</p>");
            return sb.ToString();
        }

        sb.Append(CultureInfo.InvariantCulture, $"<table id=\"queue\"><caption>{E(T(lang, "queue.caption"))}</caption><thead><tr>");
        foreach (var col in (string[])["number", "subject", "requester", "asset", "priority", "status", "assignee", "due"])
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(T(lang, "col." + col))}</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var item in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-number=\"{item.Number}\"><td><a href=\"{ConsoleRoutes.TicketPath(item.Number)}\">{E(Ticket.FormatNumber(item.Number))}</a></td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td><a href=\"{ConsoleRoutes.TicketPath(item.Number)}\">{E(item.Subject)}</a></td><td>{E(item.RequesterName)}</td><td>{E(item.AssetTag)}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{item.Priority}</td><td>{E(WireName.Of(item.Status))}</td><td>{E(item.Assignee)}</td><td>{Countdown(lang, item.DueAt, now)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
