using System.Globalization;
using System.Net;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Providers;

/// <summary>
/// "Wait on provider" mails the provider: when a technician puts a ticket on hold waiting on a provider that the
/// directory knows (by id or name) and that has a support email, one mail goes to that address with the contract
/// number, the ticket reference <c>[#n]</c>, the subject, the requester's description, the requester's company and the
/// asset's identification — never internal comments nor the technician's wait note. Recorded once on the timeline as
/// an internal line (<c>email-sent</c>; <c>email-failed</c> when refused for good, <c>provider-not-mailed</c> when the
/// provider has no support email). Idempotent like the acknowledgment: the line's id and the Message-ID derive from
/// the wait's own timeline line, and a redelivered event already recorded sends nothing. A wait on a provider the
/// directory does not know (free text) mails no one. The provider clock itself is the SLA engine's, unchanged.
/// </summary>
public sealed class ProviderMail(
    IEmailSender sender,
    TicketStore tickets,
    AssetStore assets,
    ProviderDirectory directory,
    IOptions<HelpdeskOptions> helpdesk,
    IOptions<ProviderDirectoryOptions> options,
    ILogger<ProviderMail> logger) : ITicketEventHandler
{
    public const string HandlerName = "provider-mail";

    public string Name => HandlerName;

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (ticketEvent.Kind != TicketEventKind.Waiting || ticketEvent.Ticket.WaitingOn != WaitingOn.Provider
            || EntryIdOf(ticketEvent.EventId) is not { } entryId)
        {
            return;
        }

        if (ProviderDirectory.Named(await directory.AllAsync(cancellationToken), ticketEvent.Ticket.Provider) is not { } provider)
        {
            return;
        }

        var at = ticketEvent.At.AddTicks(1);
        var recordId = "provider-mail-" + entryId;
        if (redelivered && await tickets.HasRecordAsync(ticketEvent.Number, at, recordId, cancellationToken))
        {
            ProvidersLog.MailAlreadyHandled(logger, ticketEvent.Number);
            return;
        }

        if (provider.SupportEmail is not { } to)
        {
            await RecordAsync(ticketEvent.Number, at, recordId, "provider-not-mailed",
                $"Provider {provider.Name} has no support email in the directory: call them{(provider.SupportPhone is { } phone ? " on " + phone : "")}.",
                new Dictionary<string, string> { ["provider"] = provider.Id }, cancellationToken);
            return;
        }

        if (await tickets.GetAsync(ticketEvent.Number, cancellationToken) is not { } stored)
        {
            throw new Storage.MalformedMessageException($"Ticket event {ticketEvent.EventId} is about ticket {ticketEvent.Number}, which does not exist.");
        }

        var ticket = stored.Ticket;
        var asset = AssetReader.NormalizeTag(ticket.AssetTag) is { } tag ? (await assets.GetAsync(tag, cancellationToken))?.Asset : null;
        var email = Compose(ticket, provider, asset, entryId, helpdesk.Value, options.Value);
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (PermanentEmailFailureException ex)
        {
            ProvidersLog.MailFailedPermanently(logger, ex, ticketEvent.Number, provider.Id, ex.Reason);
            await RecordAsync(ticketEvent.Number, at, recordId, "email-failed", $"Mail to provider {provider.Name} ({to}) not sent: {ex.Reason}.",
                new Dictionary<string, string> { ["to"] = to, ["provider"] = provider.Id, ["template"] = HandlerName, ["reason"] = ex.Reason }, cancellationToken);
            return;
        }

        ProvidersLog.MailSent(logger, ticketEvent.Number, provider.Id, email.MessageId);
        await RecordAsync(ticketEvent.Number, at, recordId, "email-sent", $"Mail sent to provider {provider.Name} ({to}): {email.Subject}",
            new Dictionary<string, string> { ["messageId"] = email.MessageId, ["to"] = to, ["provider"] = provider.Id, ["template"] = HandlerName }, cancellationToken);
    }

    /// <summary>
    /// The mail to the provider, in the directory's language (<see cref="ProviderDirectoryOptions.MailLanguage"/>). Its
    /// Message-ID is deterministic but not one of the signed ticket ids: a provider's answer is not taken for the
    /// requester's reply (it would resume the ticket and be mailed to the requester); technicians read it in the
    /// support mailbox, where <c>[#n]</c> names the ticket.
    /// </summary>
    public static OutgoingEmail Compose(Ticket ticket, Provider provider, Asset? asset, string entryId, HelpdeskOptions helpdesk, ProviderDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(helpdesk);
        ArgumentNullException.ThrowIfNull(options);
        var fr = options.MailLanguage == "fr";
        var company = options.CompanyName ?? DomainOf(ticket.Requester.Email);
        var lines = new List<string>
        {
            fr ? $"Bonjour {provider.Name}," : $"Hello {provider.Name},",
            "",
            fr ? $"Nous avons besoin de votre intervention pour le ticket {ticket.Reference} de {company}."
               : $"We need your help with ticket {ticket.Reference} of {company}.",
        };
        if (provider.ContractNumber is { } contract)
        {
            lines.Add((fr ? "Contrat : " : "Contract: ") + contract);
        }

        lines.Add((fr ? "Client : " : "Customer: ") + company);
        lines.Add((fr ? "Référence : " : "Reference: ") + ticket.Reference);
        if (asset is not null)
        {
            var model = string.Join(" ", new[] { asset.Manufacturer, asset.Model }.Where(s => s is not null));
            lines.Add((fr ? "Équipement : " : "Asset: ") + asset.Tag + (model.Length > 0 ? " — " + model : "")
                + (asset.SerialNumber is { } serial ? (fr ? ", n° de série " : ", serial number ") + serial : ""));
        }
        else if (ticket.AssetTag is { } tag)
        {
            lines.Add((fr ? "Équipement : " : "Asset: ") + tag);
        }

        lines.Add("");
        lines.Add((fr ? "Objet : " : "Subject: ") + ticket.Subject);
        lines.Add("");
        lines.Add(ticket.Description);
        lines.Add("");
        lines.Add(fr ? $"Merci de répondre en gardant {ticket.Reference} dans l'objet." : $"Please answer keeping {ticket.Reference} in the subject.");
        lines.Add("");
        lines.Add("-- ");
        lines.Add(helpdesk.SupportName + " · " + helpdesk.SupportAddress);
        var html = "<!doctype html><html lang=\"" + (fr ? "fr" : "en") + "\"><body>"
            + string.Join("", lines.Where(l => l.Length > 0).Select(l => "<p style=\"white-space:pre-wrap\">" + WebUtility.HtmlEncode(l) + "</p>"))
            + "</body></html>";
        var number = ticket.Number.ToString(CultureInfo.InvariantCulture);
        return new OutgoingEmail(
            new EmailAddress(helpdesk.SupportAddress, helpdesk.SupportName),
            [new EmailAddress(provider.SupportEmail!, provider.Name)],
            $"[{ticket.Reference}] {ticket.Subject} — {company}" + (provider.ContractNumber is { } c ? (fr ? $" (contrat {c})" : $" (contract {c})") : ""),
            string.Join("\n", lines) + "\n",
            html,
            $"<helpdesk-provider.{number}.{entryId}@{DomainOf(helpdesk.SupportAddress)}>",
            Headers: new Dictionary<string, string>
            {
                ["X-Helpdesk-Ticket"] = number,
                ["Auto-Submitted"] = "auto-generated",
            });
    }

    private Task RecordAsync(int number, DateTimeOffset at, string id, string kind, string text, Dictionary<string, string> data, CancellationToken ct) =>
        tickets.RecordAsync(number, new TimelineEntry(at, "system", kind, text, Visibility.Internal, data), id, ct);

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    // Event ids end with the id of the timeline line that records the change (TicketService.EventOf).
    private static string? EntryIdOf(string eventId)
    {
        var dash = eventId.LastIndexOf('-');
        var id = dash < 0 ? "" : eventId[(dash + 1)..];
        return id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) ? id : null;
    }
}
