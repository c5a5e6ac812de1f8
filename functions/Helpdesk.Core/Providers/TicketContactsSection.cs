using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// The console ticket page's "whom to call" section (HTML, French or English): the ticket's asset and the providers
/// covering it, with their lines as links. Every value is HTML-encoded; links are built only from a phone number and an
/// address the directory validated, and from an http(s) support site.
/// </summary>
public sealed class TicketContactsSection(TicketContacts contacts) : Console.ITicketPageSection
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public async Task<string> RenderAsync(Ticket ticket, string lang, CancellationToken ct)
    {
        var found = await contacts.ForAsync(ticket, ct);
        var fr = lang == "fr";
        var sb = new StringBuilder(2048);
        sb.Append("<section id=\"whom-to-call\" aria-labelledby=\"whom-to-call-title\">");
        if (found.Asset is { } a)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(fr ? "Équipement" : "Asset")} {E(a.Tag)}</h2><dl class=\"facts\" id=\"ticket-asset\">");
            Fact(sb, fr ? "Nom" : "Name", a.Name);
            Fact(sb, "Type", a.Type);
            Fact(sb, fr ? "Modèle" : "Model", string.Join(" ", new[] { a.Manufacturer, a.Model }.Where(s => s is not null)));
            Fact(sb, fr ? "Système" : "Operating system", string.Join(" ", new[] { a.Os, a.OsVersion }.Where(s => s is not null)));
            Fact(sb, fr ? "Fin de garantie" : "Warranty end", a.WarrantyEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Fact(sb, fr ? "Site" : "Site", a.Site);
            Fact(sb, fr ? "Utilisateur" : "Owner", a.Owner);
            Fact(sb, fr ? "État" : "Status", a.Status);
            sb.Append("</dl>");
        }
        else if (found.AssetTag is { } unknown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"ticket-asset\">{E(fr ? $"L'équipement « {unknown} » n'est pas dans l'inventaire." : $"Asset '{unknown}' is not in the inventory.")}</p>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"whom-to-call-title\">{E(fr ? "Qui appeler" : "Whom to call")}</h2>");
        if (found.Providers.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(fr ? "Aucun fournisseur de l'annuaire ne couvre ce ticket." : "No provider in the directory covers this ticket.")}</p>");
        }
        else
        {
            sb.Append("<ul class=\"providers\">");
            foreach (var p in found.Providers)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li data-provider=\"{E(p.Id)}\"><strong>{E(p.Name)}</strong> ({E(p.Kind)})");
                if (p.SupportPhone is { } phone)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" · <a href=\"tel:{E(new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]))}\">{E(phone)}</a>");
                }

                if (p.SupportEmail is { } email)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" · <a href=\"mailto:{E(email)}\">{E(email)}</a>");
                }

                if (p.SupportUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var site) && site.Scheme is "https" or "http")
                {
                    sb.Append(CultureInfo.InvariantCulture, $" · <a href=\"{E(site.AbsoluteUri)}\" rel=\"noopener noreferrer\">{E(url)}</a>");
                }

                var details = new List<string>();
                if (p.ContractNumber is { } contract)
                {
                    details.Add((fr ? "contrat " : "contract ") + contract);
                }

                if (p.Hours is { } hours)
                {
                    details.Add(hours);
                }

                if (p.ResponseTime is { } response)
                {
                    details.Add((fr ? "réponse " : "response ") + response);
                }

                if (details.Count > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<br>{E(string.Join(" · ", details))}");
                }

                if (p.Notes is { } notes)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<br><span style=\"white-space:pre-wrap\">{E(notes)}</span>");
                }

                sb.Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static void Fact(StringBuilder sb, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{E(value)}</dd>");
        }
    }

    private static string E(string text) => Encoder.Encode(text);
}
