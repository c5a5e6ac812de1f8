using System.Globalization;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Adds the files a requester sent from the status page to their ticket: the ticket's attachment list (what
/// technicians see, <see cref="TicketDto.Attachments"/>) and one public timeline line <c>attached</c>, written in one
/// batch under the ticket's ETag. A file already on the ticket (same name, same SHA-256) is not added again, so the same
/// form posted twice records each file once; the second post's copies are deleted. Files are marked with the ticket
/// before it is written, as intake does, so the daily sweep (<see cref="AttachmentSweeper"/>) keeps exactly those the
/// ticket references.
/// </summary>
public sealed class RequesterAttachments(
    TicketStore store,
    AttachmentStore attachments,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<RequesterAttachments> logger)
{
    public const string TimelineKind = "attached";
    private const int MaxAttempts = 3;

    /// <summary>
    /// Records the request's stored files on ticket <paramref name="number"/>. The files belong to this call from here:
    /// those recorded stay, the others are deleted (also on an exception, by <paramref name="uploads"/>' disposal).
    /// </summary>
    /// <exception cref="InvalidTransitionException">The ticket is closed.</exception>
    /// <exception cref="ConcurrencyConflictException">The ticket kept changing under us.</exception>
    public async Task<AttachOutcome> AddAsync(int number, string actor, IntakeUploads uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var max = options.Value.MaxTicketAttachments;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(number, ct) ?? throw new InvalidTransitionException($"Ticket {Ticket.FormatNumber(number)} does not exist.");
            var ticket = stored.Ticket;
            if (ticket.Status == TicketStatus.Closed)
            {
                throw new InvalidTransitionException($"Ticket {ticket.Reference} is closed and can no longer change.");
            }

            var held = ticket.Attachments.Where(a => a.Sha256 is not null).Select(a => (a.FileName, a.Sha256!)).ToHashSet();
            var fresh = uploads.Files.Where(f => !held.Contains((f.Attachment.FileName, f.Sha256)))
                .DistinctBy(f => (f.Attachment.FileName, f.Sha256)).ToList();
            if (fresh.Count == 0)
            {
                return AttachOutcome.AlreadyAttached; // disposing the uploads deletes this post's copies
            }

            if (ticket.Attachments.Count + fresh.Count > max)
            {
                return AttachOutcome.TicketFull;
            }

            var now = time.GetUtcNow();
            // Before the ticket is written: a blob without this mark is never referenced (see AttachmentSweeper).
            await attachments.MarkAsync(fresh, number, ct);
            var after = ticket with { Attachments = [.. ticket.Attachments, .. fresh.Select(f => f.Attachment)], UpdatedAt = now };
            var names = fresh.Select(f => f.Attachment.FileName).ToList();
            var entry = new TimelineEntry(now, actor, TimelineKind,
                $"The requester added {(names.Count == 1 ? "a file" : names.Count.ToString(CultureInfo.InvariantCulture) + " files")} from the status page: {string.Join(", ", names)}.",
                Visibility.Public,
                new Dictionary<string, string>
                {
                    // Display names never hold '/' (AttachmentStore.DisplayName keeps the last path segment).
                    ["files"] = string.Join('/', names),
                    ["count"] = names.Count.ToString(CultureInfo.InvariantCulture),
                });
            try
            {
                await store.ReplaceAsync(after, entry, stored.ETag, Guid.NewGuid().ToString("N")[..12], ct);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue; // decided again on the fresh ticket: a concurrent post of the same files finds them there
            }

            var recorded = fresh.Select(f => f.Attachment.BlobName).ToHashSet(StringComparer.Ordinal);
            var handed = uploads.HandOver();
            await attachments.DeleteAsync(handed.Where(f => !recorded.Contains(f.Attachment.BlobName)));
            ConversationLog.AttachmentsAdded(logger, number, names.Count);
            return AttachOutcome.Added;
        }
    }
}
