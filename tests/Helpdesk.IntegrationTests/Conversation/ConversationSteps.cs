using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using MimeKit;

namespace Helpdesk.IntegrationTests.Conversation;

/// <summary>What the conversation tests do again and again: create a ticket, act as a technician, read the requester's mail.</summary>
internal static partial class ConversationSteps
{
    public static string NewEmail(string who = "requester") => $"{who}.{Guid.NewGuid():N}@example.be";

    public static async Task<int> CreateAsync(HelpdeskHost host, string email, string lang = "fr", string subject = "Écran noir", string impact = "individual")
    {
        using var client = host.Client();
        var body = IntakeEndToEndTests.FormFields(email, subject);
        body["lang"] = lang;
        body["impact"] = impact;
        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }

    public static async Task ActAsync(HttpClient tech, int number, string action, object body)
    {
        using var response = await tech.PostAsJsonAsync($"/api/tickets/{number}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The one mail of <paramref name="part"/> (its Message-ID part: <c>comment-</c>, <c>resolved-</c>...) to the address.</summary>
    public static Task<MimeMessage> MailAsync(HelpdeskHost host, string email, string part, MimeMessage? skip = null) =>
        host.Smtp.WaitForMessageAsync(
            m => m.To.Mailboxes.Any(b => b.Address == email) && (m.MessageId ?? "").Contains("." + part, StringComparison.Ordinal) && m.MessageId != skip?.MessageId,
            TimeSpan.FromSeconds(30));

    public static IReadOnlyList<MimeMessage> MailsTo(HelpdeskHost host, string email) =>
        [.. host.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == email))];

    /// <summary>The status page path (<c>/api/status/…</c>) a mail links to.</summary>
    public static string StatusPath(MimeMessage mail)
    {
        var match = StatusLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "The mail links the status page: " + mail.TextBody);
        return match.Groups[1].Value;
    }

    /// <summary>
    /// The event of a ticket's timeline line of <paramref name="kind"/> (the <paramref name="index"/>-th), rebuilt from
    /// its stored row key exactly as <c>TicketService</c> published it, to deliver it again.
    /// </summary>
    public static async Task<TicketEvent> EventOfLineAsync(HelpdeskHost host, int number, string kind, TicketEventKind eventKind, int index = 0)
    {
        var table = host.Storage.Table(StorageClients.TicketsTable);
        var pk = TicketStore.PartitionKey(number);
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Kind eq {kind}")))
        {
            rows.Add(e);
        }

        var row = rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).ElementAt(index);
        var entryId = row.RowKey[(row.RowKey.LastIndexOf('-') + 1)..];
        var at = row.GetDateTimeOffset("At")!.Value;
        var ticket = (await host.Get<TicketStore>().GetAsync(number, default))!.Ticket;
        return new TicketEvent($"{number}-{at.UtcTicks}-{WireName.Of(eventKind)}-{entryId}", number, eventKind, at, row.GetString("Actor")!,
            TicketSnapshot.Of(ticket));
    }

    [GeneratedRegex(@"https?://[^\s/]+(/api/status/[0-9]+-[0-9]+-[0-9a-f]+)")]
    private static partial Regex StatusLink();
}
