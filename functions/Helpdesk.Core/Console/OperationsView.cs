using System.Globalization;
using System.Text;
using Helpdesk.Core.Operations;
using Microsoft.AspNetCore.Http;
using static Helpdesk.Core.Console.ConsoleHtml;

namespace Helpdesk.Core.Console;

/// <summary>
/// The operations page (admins): the SLA reconciler's last run, and every poison queue's messages with their reason,
/// a short preview of the original message and a replay button (a form post with the anti-forgery token). Every value
/// read from a queue is encoded: a poison message may hold anything.
/// </summary>
public static class OperationsView
{
    public static string Render(HttpContext http, string lang, PoisonListing listing, ReconcileRun? lastRun, string? notice, string? error)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var sb = new StringBuilder(8 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(T(lang, "ops.title"))}</h1>");
        if (error is not null)
        {
            sb.Append(ConsoleHtml.Error(error));
        }
        else if (notice is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"notice\" role=\"status\">{E(notice)}</div>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(T(lang, "ops.reconcile"))}</h2><div id=\"reconcile\">");
        if (lastRun is null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(T(lang, "ops.reconcile.never"))}</p>");
        }
        else
        {
            var seconds = Math.Max(0, (lastRun.FinishedAt - lastRun.StartedAt).TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture,
                $"<p><time datetime=\"{lastRun.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\">{E(F(lang, "ops.reconcile.when", lastRun.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), seconds))}</time></p>");
            sb.Append(lastRun.Succeeded
                ? $"<p>{E(F(lang, "ops.reconcile.found", lastRun.Open, lastRun.Started, lastRun.LogsRecreated, lastRun.Stopped))}</p>"
                : $"<p class=\"breach\">{E(F(lang, "ops.reconcile.failed", lastRun.Error!))}</p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</div><h2>{E(T(lang, "ops.poison"))}</h2><p>{E(T(lang, "ops.poison.intro"))}</p>");
        foreach (var queue in listing.Queues.Where(q => q.Count > q.Listed))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(F(lang, "ops.poison.more", queue.Queue, queue.Count, queue.Listed))}</p>");
        }

        if (listing.Messages.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"poison-none\">{E(T(lang, "ops.poison.none"))}</p>");
            return sb.ToString();
        }

        sb.Append(CultureInfo.InvariantCulture, $"<table id=\"poison\"><thead><tr><th scope=\"col\">{E(T(lang, "ops.queue"))}</th><th scope=\"col\">{E(T(lang, "ops.failedAt"))}</th><th scope=\"col\">{E(T(lang, "ops.attempts"))}</th><th scope=\"col\">{E(T(lang, "ops.reason"))}</th><th scope=\"col\">{E(T(lang, "ops.preview"))}</th><th scope=\"col\">{E(T(lang, "ticket.actions"))}</th></tr></thead><tbody>");
        foreach (var m in listing.Messages)
        {
            var failed = m.FailedAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";
            var attempts = m.DequeueCount?.ToString(CultureInfo.InvariantCulture) ?? "—";
            var permanent = m.Permanent == true ? " " + T(lang, "ops.permanent") : "";
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-id=\"{E(m.Id)}\"><td>{E(m.Queue)}</td><td>{E(failed)}</td><td>{E(attempts)}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{E(m.Reason + permanent)}{(m.Error is { } err ? "<br><code>" + E(err) + "</code>" : "")}</td><td><code>{E(m.Preview)}</code></td><td>");
            sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.OperationsReplay)}\">{ConsoleForms.HiddenField(http)}");
            sb.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"queue\" value=\"{E(m.Queue)}\"><input type=\"hidden\" name=\"id\" value=\"{E(m.Id)}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" aria-label=\"{E(T(lang, "ops.replay") + " — " + m.Queue + " " + failed)}\">{E(T(lang, "ops.replay"))}</button></form></td></tr>");
        }

        sb.Append("</tbody></table>");
        return sb.ToString();
    }
}
