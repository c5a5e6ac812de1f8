using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// A requester's tickets and idempotency keys (<c>TicketIndex</c>, partition <c>req-{hash(email)}</c>): rows
/// <c>t-{reversed number}</c>, newest first, and rows <c>idem-{hash(key)}</c> claimed by submissions.
/// </summary>
public sealed class RequesterIndex(StorageClients storage)
{
    private TableClient Table => storage.Table(StorageClients.IndexTable);

    /// <summary>
    /// Adds the ticket to its requester's list and, with an idempotency key, claims that key in the same batch.
    /// A key already claimed returns the earlier request instead.
    /// </summary>
    public async Task<RequesterRegistration> RegisterAsync(Ticket ticket, string? idempotencyKey, string payloadHash, CancellationToken ct)
    {
        var pk = RequesterPartition(ticket.Requester.Email);
        var entry = new TableEntity(pk, "t-" + (int.MaxValue - ticket.Number).ToString("D10", CultureInfo.InvariantCulture))
        {
            ["Number"] = ticket.Number,
            ["Subject"] = ticket.Subject,
            ["CreatedAt"] = ticket.CreatedAt,
        };
        if (idempotencyKey is null)
        {
            await Table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct);
            return new RequesterRegistration.Registered();
        }

        var claim = new TableEntity(pk, IdempotencyRow(idempotencyKey))
        {
            ["Number"] = ticket.Number,
            ["PayloadHash"] = payloadHash,
            ["CreatedAt"] = ticket.CreatedAt,
        };
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, claim), new TableTransactionAction(TableTransactionActionType.UpsertReplace, entry)],
                ct);
            return new RequesterRegistration.Registered();
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var earlier = (await Table.GetEntityAsync<TableEntity>(pk, claim.RowKey, cancellationToken: ct)).Value;
            return new RequesterRegistration.Duplicate(
                earlier.GetInt32("Number") ?? 0, earlier.GetString("PayloadHash") ?? "", earlier.GetDateTimeOffset("CreatedAt") ?? default);
        }
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

    private static string RequesterPartition(string email) => "req-" + Hash(email.Trim().ToLowerInvariant());

    private static string IdempotencyRow(string key) => "idem-" + Hash(key);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}
