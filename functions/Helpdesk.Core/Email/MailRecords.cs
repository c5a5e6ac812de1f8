using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Email;

/// <summary>
/// Table <c>MailMessages</c>, one partition per mail key (SHA-256 of the Message-ID or content hash, so no personal
/// data in keys and no hot partition):
/// <list type="bullet">
/// <item>row <c>message</c>: the <see cref="MailRecord"/> of an inbound mail, which is also the index that threads a
/// reply by its In-Reply-To/References (a mail recorded on a ticket points to that ticket);</item>
/// <item>row <c>sent</c>: a mail the product sent about a ticket (<see cref="RecordSentAsync"/>), for the same lookup;</item>
/// <item>row <c>mailgun-token</c>: a Mailgun token already accepted (replay refusal).</item>
/// </list>
/// </summary>
public sealed class MailRecords(StorageClients storage)
{
    public const string TableName = "MailMessages";
    private const string MessageRow = "message";
    private const string SentRow = "sent";
    private const string TokenRow = "mailgun-token";

    private TableClient Table => storage.Table(TableName);

    public static string Key(string dedupeKey) => StorageKeys.Hash(dedupeKey);

    /// <summary>The partition of a Message-ID as <see cref="ParsedMail.DedupeKey"/> spells it.</summary>
    public static string KeyOfMessageId(string messageId) => Key("mid:" + messageId.Trim().Trim('<', '>').Trim());

    public async Task<MailRecord?> GetAsync(string key, CancellationToken ct)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(key, MessageRow, cancellationToken: ct);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    /// <summary>Writes the decision unless one exists; returns the decision that holds (ours or the earlier one).</summary>
    public async Task<MailRecord> DecideAsync(string key, MailRecord decision, CancellationToken ct)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(key, decision), ct);
            return decision with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(key, ct) ?? throw new InvalidOperationException("A mail record exists and does not: storage is inconsistent.");
        }
    }

    /// <summary>Marks the mail handled, with the ticket it ended on.</summary>
    public Task CompleteAsync(string key, MailRecord record, CancellationToken ct) =>
        Table.UpsertEntityAsync(ToEntity(key, record with { Done = true }), TableUpdateMode.Replace, ct);

    /// <summary>The ticket a Message-ID belongs to: an inbound mail recorded on a ticket, or a mail the product sent.</summary>
    public async Task<int?> TicketOfAsync(string messageId, CancellationToken ct)
    {
        var key = KeyOfMessageId(messageId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 10, select: ["RowKey", "Ticket"], cancellationToken: ct))
        {
            if (e.GetInt32("Ticket") is { } ticket)
            {
                return ticket;
            }
        }

        return null;
    }

    /// <summary>Records a mail the product sent about a ticket, so that replies quoting its Message-ID find the ticket.</summary>
    public Task RecordSentAsync(string messageId, int ticket, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(KeyOfMessageId(messageId), SentRow) { ["Ticket"] = ticket }, TableUpdateMode.Replace, ct);

    public async Task<bool> IsTokenUsedAsync(string token, CancellationToken ct) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(Key("mailgun:" + token), TokenRow, select: ["RowKey"], cancellationToken: ct)).HasValue;

    public Task RecordTokenAsync(string token, DateTimeOffset at, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Key("mailgun:" + token), TokenRow) { ["At"] = at }, TableUpdateMode.Replace, ct);

    private static TableEntity ToEntity(string key, MailRecord r) => new(key, MessageRow)
    {
        ["Outcome"] = r.Outcome,
        ["Ticket"] = r.Ticket,
        ["At"] = r.At,
        ["Done"] = r.Done,
        ["Reason"] = r.Reason,
    };

    private static MailRecord FromEntity(TableEntity e) => new(
        e.GetString("Outcome") ?? "",
        e.GetInt32("Ticket"),
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetBoolean("Done") ?? false,
        e.GetString("Reason"),
        e.ETag);
}
