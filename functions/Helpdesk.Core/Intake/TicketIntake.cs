using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Turns a valid submission into a ticket. Storage requests per ticket: one batch that allocates the number and
/// inserts the queue row (shared by concurrent requests), one to claim the idempotency key (when there is one), one
/// to register with the requester, one per attachment to mark it with the ticket's number, one batch for the ticket
/// and its first timeline line, one to publish the "created" event.
/// </summary>
public sealed class TicketIntake(
    TicketNumbers numbers,
    LevelQueues queues,
    RequesterIndex requesters,
    IdempotencyClaims claims,
    TicketStore store,
    PriorityMatrix priorities,
    ITicketDeadlines deadlines,
    ITicketEventPublisher publisher,
    AttachmentStore attachments,
    TimeProvider time,
    ILogger<TicketIntake> logger)
{
    /// <summary>
    /// Creates the ticket, or answers with the first ticket of an idempotency key (or refuses a reused key).
    /// <paramref name="files"/> belong to this call: they stay with the ticket once it is written, and are deleted on
    /// every other outcome, including an exception (or cancellation) before the ticket is written.
    /// </summary>
    public async Task<IntakeResult> CreateAsync(
        ValidSubmission submission, IReadOnlyList<UploadedFile> files, string? idempotencyKey, IntakeSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(source);
        var written = false;
        try
        {
            var now = time.GetUtcNow();
            var draft = Draft(submission, files, source, now);
            var hash = PayloadHash(submission, files);

            var number = await numbers.AllocateAsync(draft, ct);
            var ticket = draft with { Number = number };

            if (idempotencyKey is not null && await claims.ClaimAsync(idempotencyKey, number, hash, now, ct) is { } earlier)
            {
                // The number we just took stays unused: remove its queue row so no phantom ticket is listed.
                await queues.DeleteRowAsync(LevelQueues.QueueKey(ticket), ct);
                if (earlier.PayloadHash != hash)
                {
                    IntakeLog.IdempotencyKeyReused(logger, earlier.Number);
                    return new IntakeResult.KeyReused(earlier.Number);
                }

                if (await store.GetAsync(earlier.Number, ct) is { } existing)
                {
                    return new IntakeResult.Replayed(existing.Ticket);
                }

                // The first request claimed the key but has not written (or crashed before writing) its ticket. Same
                // payload, so write that ticket ourselves with the first request's number and time; whoever writes
                // first wins and publishes, the other reads it back.
                ticket = draft with { Number = earlier.Number, CreatedAt = earlier.CreatedAt, UpdatedAt = earlier.CreatedAt };
                ticket = ticket with { DueAt = deadlines.NextDue(ticket) };
            }

            await requesters.RegisterAsync(ticket, ct);
            // Before the ticket is written: a blob without this mark is never referenced (see AttachmentSweeper).
            await attachments.MarkAsync(files, ticket.Number, ct);
            if (!await store.CreateAsync(ticket, CreatedEntry(ticket), "created", ct))
            {
                // Only a retry of this very request (same key, same payload) can have written this number first: it
                // published the event too, so answer with its ticket.
                var winner = await store.GetAsync(ticket.Number, ct)
                    ?? throw new InvalidOperationException($"Ticket {ticket.Number} exists and does not: storage is inconsistent.");
                return new IntakeResult.Replayed(winner.Ticket);
            }

            written = true;
            await publisher.PublishAsync(CreatedEvent(ticket), ct);
            IntakeLog.TicketCreated(logger, ticket.Number, ticket.Priority, ticket.Category, WireName.Of(source.Channel));
            return new IntakeResult.Created(ticket);
        }
        finally
        {
            if (!written)
            {
                await attachments.DeleteAsync(files);
            }
        }
    }

    private Ticket Draft(ValidSubmission s, IReadOnlyList<UploadedFile> files, IntakeSource source, DateTimeOffset now)
    {
        var ticket = new Ticket
        {
            Number = 0,
            Status = TicketStatus.New,
            Priority = priorities.For(s.Impact, s.CanWork),
            Level = SupportLevel.L1,
            Category = s.Category,
            Impact = s.Impact,
            CanWork = s.CanWork,
            Requester = s.Requester,
            Subject = s.Subject,
            Description = s.Description,
            AssetTag = s.AssetTag,
            CreatedAt = now,
            UpdatedAt = now,
            Attachments = [.. files.Select(f => f.Attachment)],
            Channel = WireName.Of(source.Channel),
            SourceReference = source.Reference,
            NoAutoReply = source.NoAutoReply,
        };
        return ticket with { DueAt = deadlines.NextDue(ticket) };
    }

    private static TimelineEntry CreatedEntry(Ticket t)
    {
        var data = new Dictionary<string, string> { ["channel"] = t.Channel, ["priority"] = t.Priority.ToString(), ["level"] = t.Level.ToString() };
        if (t.SourceReference is not null)
        {
            data["source"] = t.SourceReference;
        }

        return new TimelineEntry(
            t.CreatedAt,
            t.Requester.Email,
            "created",
            $"Ticket created by {t.Requester.Name} <{t.Requester.Email}> {ChannelPhrase(t.Channel, t.SourceReference)}: {t.Priority}, level {t.Level}.",
            Visibility.Public,
            data);
    }

    /// <summary>How the timeline says where a ticket came from.</summary>
    private static string ChannelPhrase(string channel, string? reference) => (channel, reference) switch
    {
        ("web", "api") => "through the API of the web form",
        ("web", _) => "from the web form",
        ("email", _) => "by email",
        ("phone", { } technician) => $"by phone (call taken by {technician})",
        ("phone", _) => "by phone",
        ("maintenance", _) => "from a maintenance reminder",
        _ => "through the API",
    };

    public static TicketEvent CreatedEvent(Ticket t) =>
        new($"{t.Number}-created", t.Number, TicketEventKind.Created, t.CreatedAt, t.Requester.Email, TicketSnapshot.Of(t));

    /// <summary>What makes two submissions "the same request" for an idempotency key: every field, and each file's name, length and content (SHA-256).</summary>
    public static string PayloadHash(ValidSubmission s, IReadOnlyList<UploadedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var canonical = JsonSerializer.Serialize(
            new { s, files = files.Select(f => new { f.Attachment.FileName, f.Attachment.Length, f.Sha256 }) }, HelpdeskJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
