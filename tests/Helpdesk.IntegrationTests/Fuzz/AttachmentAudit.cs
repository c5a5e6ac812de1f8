using System.Text.Json;
using Azure.Data.Tables;
using Helpdesk.Core;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>What the audit found: blobs in the attachments container, tickets stored, and the blobs no ticket references.</summary>
public sealed record AttachmentAuditResult(int Blobs, int Tickets, int ReferencedBlobs, IReadOnlyList<string> Unreferenced);

/// <summary>
/// Every blob of the attachments container must be referenced by a stored ticket (<c>Attachments[].BlobName</c>):
/// uploads of refused, replayed, abandoned or failed requests must be deleted. Reads the storage directly (the
/// Tickets table's <c>ticket</c> rows, as <see cref="TicketStore"/> writes them), so it needs no API of the host.
/// </summary>
public sealed class AttachmentAudit(StorageClients storage)
{
    /// <summary>
    /// Audits; while some blobs are unreferenced, audits again for up to <paramref name="settle"/>: an upload the client
    /// abandoned just before the last answer may still be being cleaned up by the host.
    /// </summary>
    public async Task<AttachmentAuditResult> RunAsync(TimeSpan settle, CancellationToken ct)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var result = await AuditOnceAsync(ct);
            if (result.Unreferenced.Count == 0 || elapsed.Elapsed >= settle)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private async Task<AttachmentAuditResult> AuditOnceAsync(CancellationToken ct)
    {
        // Blobs first: a ticket created after the listing can only reference a blob the listing missed, never make one unreferenced.
        var blobs = new List<string>();
        await foreach (var blob in storage.Container(StorageClients.AttachmentsContainer).GetBlobsAsync(cancellationToken: ct))
        {
            blobs.Add(blob.Name);
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var tickets = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {TicketStore.TicketRow}");
        await foreach (var row in storage.Table(StorageClients.TicketsTable).QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: ct))
        {
            tickets++;
            var ticket = JsonSerializer.Deserialize<Ticket>(row.GetString("Data"), HelpdeskJson.Options);
            foreach (var attachment in ticket?.Attachments ?? [])
            {
                referenced.Add(attachment.BlobName);
            }
        }

        return new AttachmentAuditResult(blobs.Count, tickets, referenced.Count, [.. blobs.Where(b => !referenced.Contains(b)).Order(StringComparer.Ordinal)]);
    }
}
