using System.Globalization;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// A requester's tickets (<c>TicketIndex</c>, partition <c>req-{hash(email)}</c>): rows <c>t-{reversed number}</c>,
/// newest first. Idempotency keys are claimed per tenant by intake (<c>Intake/IdempotencyClaims</c>), not here.
/// </summary>
public sealed class RequesterIndex(StorageClients storage)
{
    private TableClient Table => storage.Table(StorageClients.IndexTable);

    /// <summary>Adds the ticket to its requester's list (idempotent: a repeated call writes the same row).</summary>
    public Task RegisterAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var entry = new TableEntity(RequesterPartition(ticket.Requester.Email), "t-" + (int.MaxValue - ticket.Number).ToString("D10", CultureInfo.InvariantCulture))
        {
            ["Number"] = ticket.Number,
            ["Subject"] = ticket.Subject,
            ["CreatedAt"] = ticket.CreatedAt,
        };
        return Table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<int>> TicketsAsync(string email, int max, CancellationToken ct)
    {
        var pk = RequesterPartition(email);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {"t-"} and RowKey lt {"t."}");
        var numbers = new List<int>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["Number"], cancellationToken: ct))
        {
            numbers.Add(e.GetInt32("Number") ?? 0);
            if (numbers.Count == max)
            {
                break;
            }
        }

        return numbers;
    }

    private static string RequesterPartition(string email) => "req-" + StorageKeys.Address(email);
}
