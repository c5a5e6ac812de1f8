using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Console;

/// <summary>
/// The requesters the phone form offers: one row per address in the requester index table (<c>TicketIndex</c>,
/// partition <c>known-requesters</c>, row key = the address's key, the same key as the requester's own ticket list),
/// kept by this ticket-event handler on every new ticket. Off the intake path on purpose: the form post pays nothing,
/// and a redelivered event writes the same row again (idempotent). Automated senders (<c>NoAutoReply</c>) are not
/// people one takes a call from: left out.
/// </summary>
public sealed class KnownRequesters(StorageClients storage) : ITicketEventHandler
{
    public const string Partition = "known-requesters";

    /// <summary>At most this many are offered (a datalist of 500 is about 30 KB of page).</summary>
    public const int MaxListed = 500;

    public string Name => "known-requesters";

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var t = ticketEvent.Ticket;
        if (ticketEvent.Kind != TicketEventKind.Created || t.NoAutoReply is not null || string.IsNullOrWhiteSpace(t.RequesterEmail))
        {
            return;
        }

        await Table.UpsertEntityAsync(RowOf(t.RequesterName, t.RequesterEmail, ticketEvent.Number), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>A requester's row: keyed by the address, whatever its case.</summary>
    internal static TableEntity RowOf(string? name, string email, int lastTicket) => new(Partition, StorageKeys.Address(email))
    {
        ["Name"] = name,
        ["Email"] = email,
        ["LastTicket"] = lastTicket,
    };

    /// <summary>Up to <see cref="MaxListed"/> known requesters, by name: one partition query.</summary>
    public async Task<IReadOnlyList<KnownRequester>> ListAsync(CancellationToken ct)
    {
        var list = new List<KnownRequester>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: MaxListed, select: ["Name", "Email"], cancellationToken: ct))
        {
            list.Add(new KnownRequester(e.GetString("Name") ?? "", e.GetString("Email") ?? ""));
            if (list.Count >= MaxListed)
            {
                break;
            }
        }

        return [.. list.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }
}
