using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Removes attachment blobs no ticket references, run daily by both hosts (<see cref="IntakeSchedules.AttachmentSweep"/>).
/// Requests delete their own uploads when they do not end in a ticket; this catches what they could not (a process
/// killed mid-request, a storage error while deleting). How it knows, cheaply, from the listing's metadata:
/// <list type="bullet">
/// <item>younger than <see cref="MinimumAge"/>: kept (a request may still be using it);</item>
/// <item><c>state=attached</c>: kept, no other request (a previous run saw its ticket reference it);</item>
/// <item><c>ticket=N</c> (written just before ticket N is stored): one read of ticket N (once per ticket and run); if
/// N references the blob, it is marked attached and kept, else removed;</item>
/// <item>no mark: no ticket was ever written with it (the mark precedes the ticket), removed.</item>
/// </list>
/// So each attachment costs one ticket read in its life; later runs only list. Deletes are conditional on the listed
/// ETag, so a blob that changed since the listing is left for the next run.
/// </summary>
public sealed class AttachmentSweeper(AttachmentStore attachments, TicketStore tickets, TimeProvider time, ILogger<AttachmentSweeper> logger)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    public async Task<AttachmentSweepReport> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - MinimumAge;
        var referenced = new Dictionary<int, HashSet<string>>();
        int scanned = 0, kept = 0, removed = 0, failed = 0;
        await foreach (var blob in attachments.ListAsync(ct))
        {
            scanned++;
            if (blob.CreatedOn > cutoff || blob.Attached)
            {
                kept++;
                continue;
            }

            try
            {
                if (blob.Ticket is { } number)
                {
                    if (!referenced.TryGetValue(number, out var names))
                    {
                        var ticket = await tickets.GetAsync(number, ct);
                        names = ticket is null ? [] : [.. ticket.Ticket.Attachments.Select(a => a.BlobName)];
                        referenced[number] = names;
                    }

                    if (names.Contains(blob.Name))
                    {
                        await attachments.ConfirmAsync(blob, ct);
                        kept++;
                        continue;
                    }
                }

                if (await attachments.DeleteOrphanAsync(blob, ct))
                {
                    removed++;
                    IntakeLog.AttachmentSweepRemoved(logger, blob.Name, blob.CreatedOn, blob.Ticket);
                }
                else
                {
                    kept++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                IntakeLog.AttachmentSweepFailed(logger, ex, blob.Name);
            }
        }

        IntakeLog.AttachmentSweepCompleted(logger, scanned, kept, removed, failed);
        return new AttachmentSweepReport(scanned, kept, removed, failed);
    }
}
