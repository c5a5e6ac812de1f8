using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Console;

/// <summary>
/// Search over tickets that left the queues (resolved or closed): open tickets are searched in their queue rows, these
/// in a row each (<c>TicketIndex</c>, partition <c>closed-search</c>, row key = the number reversed, so the newest come
/// first), kept by this ticket-event handler when a ticket is resolved, closed or reopened. It writes what the ticket
/// says when handled (one point read), so a late or repeated event never leaves a stale state: idempotent. Search reads
/// the newest <see cref="MaxScanned"/> rows (one request per 1,000) and matches the same words as the queues.
/// </summary>
public sealed class ClosedTicketSearch(StorageClients storage, TicketStore tickets) : ITicketEventHandler
{
    public const string Partition = "closed-search";

    /// <summary>How many of the newest resolved or closed tickets a search looks through.</summary>
    public const int MaxScanned = 5000;

    public string Name => "closed-search";

    private TableClient Table => storage.Table(StorageClients.IndexTable);

    public async Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (ticketEvent.Kind is not (TicketEventKind.Resolved or TicketEventKind.Closed or TicketEventKind.Reopened))
        {
            return;
        }

        if (await tickets.GetAsync(ticketEvent.Number, cancellationToken) is not { } stored)
        {
            return;
        }

        var t = stored.Ticket;
        if (t.Status.IsOpen())
        {
            try
            {
                await Table.DeleteEntityAsync(Partition, RowKey(t.Number), ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Never indexed, or already removed.
            }

            return;
        }

        await Table.UpsertEntityAsync(RowOf(t), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The search row of a resolved or closed ticket: the queue row's columns (one definition, in LevelQueues), under this index's keys; a closed ticket has no due time.</summary>
    internal static TableEntity RowOf(Ticket t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var row = LevelQueues.QueueEntity(t);
        row.PartitionKey = Partition;
        row.RowKey = RowKey(t.Number);
        row.Remove("DueAt");
        return row;
    }

    /// <summary>Resolved and closed tickets whose subject, requester or asset tag hold every word of <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<QueueItem>> SearchAsync(string query, int max, CancellationToken ct)
    {
        var found = new List<QueueItem>();
        var scanned = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            var item = new QueueItem(
                e.GetInt32("Number") ?? 0,
                e.GetString("Subject") ?? "",
                WireName.TryParse<TicketStatus>(e.GetString("Status"), out var status) ? status : TicketStatus.Closed,
                Enum.TryParse<Priority>(e.GetString("Priority"), out var priority) ? priority : Priority.P4,
                Enum.TryParse<SupportLevel>(e.GetString("Level"), out var level) ? level : SupportLevel.L1,
                null,
                e.GetString("Assignee"),
                e.GetDateTimeOffset("CreatedAt") ?? default,
                WireName.TryParse<Category>(e.GetString("Category"), out var category) ? category : null,
                e.GetString("RequesterName"),
                e.GetString("RequesterEmail"),
                e.GetString("AssetTag"));
            if (ConsoleQueues.Matches(item, query))
            {
                found.Add(item);
            }

            if (++scanned >= MaxScanned || found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    private static string RowKey(int number) => (int.MaxValue - number).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
