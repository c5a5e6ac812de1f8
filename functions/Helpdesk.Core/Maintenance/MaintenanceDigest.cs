using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// The one mail of a scan to the tenant's IT contact: the new reminders grouped by urgency (urgent first), each with
/// its maintenance ticket, in French or English. Its Message-ID is derived from the reminders it carries, so the
/// rare resend after a crash between "sent" and "recorded as sent" is the same message, which mail clients show once.
/// </summary>
public static class MaintenanceDigest
{
    public static OutgoingEmail Compose(IReadOnlyList<MaintenanceClaim> claims, MaintenanceOptions maintenance, HelpdeskOptions helpdesk, string? missedNote)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(maintenance);
        ArgumentNullException.ThrowIfNull(helpdesk);
        var lang = Language.Normalize(maintenance.Language);
        var fr = lang == Language.French;
        var urgent = claims.Count(c => c.Urgency == Urgency.Urgent);
        var subject = fr
            ? $"[Maintenance] {claims.Count} rappel{(claims.Count > 1 ? "s" : "")}" + (urgent > 0 ? $", dont {urgent} urgent{(urgent > 1 ? "s" : "")}" : "")
            : $"[Maintenance] {claims.Count} reminder{(claims.Count > 1 ? "s" : "")}" + (urgent > 0 ? $", {urgent} urgent" : "");
        var text = new StringBuilder();
        var html = new StringBuilder("<!doctype html><html lang=\"").Append(lang).Append("\"><body>");
        text.Append(fr ? "Rappels de maintenance de votre parc informatique.\n" : "Maintenance reminders for your IT fleet.\n");
        html.Append("<p>").Append(fr ? "Rappels de maintenance de votre parc informatique." : "Maintenance reminders for your IT fleet.").Append("</p>");
        if (missedNote is not null)
        {
            text.Append('\n').Append(missedNote).Append('\n');
            html.Append("<p><strong>").Append(WebUtility.HtmlEncode(missedNote)).Append("</strong></p>");
        }

        foreach (var group in claims.GroupBy(c => c.Urgency).OrderBy(g => g.Key))
        {
            var title = MaintenanceTexts.UrgencyTitle(group.Key, lang);
            text.Append('\n').Append(title).Append('\n').Append(new string('-', title.Length)).Append('\n');
            html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2><ul>");
            foreach (var claim in group.OrderBy(c => c.Tag, StringComparer.Ordinal).ThenBy(c => c.Rule, StringComparer.Ordinal))
            {
                var ticket = claim.Ticket is { } number ? $" — ticket {Ticket.FormatNumber(number)} {helpdesk.TicketUrl(number)}" : "";
                text.Append("- ").Append(claim.Subject).Append(ticket).Append('\n');
                html.Append("<li>").Append(WebUtility.HtmlEncode(claim.Subject));
                if (claim.Ticket is { } n)
                {
                    html.Append(" — <a href=\"").Append(WebUtility.HtmlEncode(helpdesk.TicketUrl(n).ToString())).Append("\">ticket ")
                        .Append(WebUtility.HtmlEncode(Ticket.FormatNumber(n))).Append("</a>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        text.Append("\n-- \n").Append(helpdesk.SupportName).Append('\n');
        html.Append("</body></html>");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", claims.Select(c => c.Key).Order(StringComparer.Ordinal)))))[..32];
        var domain = helpdesk.SupportAddress.Split('@')[^1];
        return new OutgoingEmail(
            new EmailAddress(helpdesk.SupportAddress, helpdesk.SupportName),
            [new EmailAddress(maintenance.ItContact ?? helpdesk.SupportAddress, maintenance.ItContactName)],
            subject,
            text.ToString(),
            html.ToString(),
            $"<maintenance-{hash}@{domain}>",
            Headers: new Dictionary<string, string>
            {
                ["Auto-Submitted"] = "auto-generated",
                ["X-Helpdesk-Maintenance"] = claims.Count.ToString(CultureInfo.InvariantCulture),
            });
    }
}
