using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

public abstract record IntakeResult
{
    /// <summary>A new ticket.</summary>
    public sealed record Created(Ticket Ticket) : IntakeResult;

    /// <summary>The same request was made before with this idempotency key: its ticket, not a second one.</summary>
    public sealed record Replayed(Ticket Ticket) : IntakeResult;

    /// <summary>The idempotency key was used before for a different request (HTTP 422).</summary>
    public sealed record KeyReused(int Number) : IntakeResult;
}

/// <summary>
/// Turns a valid submission into a ticket. Storage requests per ticket: one batch that allocates the number and
/// inserts the queue row (shared by concurrent requests), one to register with the requester (and claim the
/// idempotency key), one batch for the ticket and its first timeline line, one to publish the "created" event.
/// </summary>
public sealed class TicketIntake(
    TicketIndex index,
    TicketStore store,
    PriorityMatrix priorities,
    ITicketDeadlines deadlines,
    ITicketEventPublisher publisher,
    AttachmentStore attachments,
    TimeProvider time,
    ILogger<TicketIntake> logger)
{
    public async Task<IntakeResult> CreateAsync(
        ValidSubmission submission, IReadOnlyList<AttachmentRef> files, string? idempotencyKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var draft = Draft(submission, files, now);
        var hash = PayloadHash(submission, files);

        var number = await index.AllocateAsync(draft, ct);
        var ticket = draft with { Number = number };

        var registration = await index.RegisterWithRequesterAsync(ticket, idempotencyKey, hash, ct);
        if (registration is RequesterRegistration.Duplicate earlier)
        {
            // The number we just took stays unused: remove its queue row so no phantom ticket is listed.
            await index.DeleteQueueRowAsync(TicketIndex.QueueKey(ticket), ct);
            return await ReplayAsync(earlier, draft, hash, files, ct);
        }

        if (!await store.CreateAsync(ticket, CreatedEntry(ticket), "created", ct))
        {
            // Only a retry of this very request (same key, same payload) can have written our number first (see
            // ReplayAsync): it published the event too, so answer with its ticket.
            await attachments.DeleteAsync(files, ct);
            var written = await store.GetAsync(number, ct)
                ?? throw new InvalidOperationException($"Ticket {number} exists and does not: storage is inconsistent.");
            return new IntakeResult.Replayed(written.Ticket);
        }

        await publisher.PublishAsync(CreatedEvent(ticket), ct);
        logger.LogInformation("Ticket {Number} created ({Priority}, {Category}) for {Requester}.",
            number, ticket.Priority, ticket.Category, ticket.Requester.Email);
        return new IntakeResult.Created(ticket);
    }

    private async Task<IntakeResult> ReplayAsync(
        RequesterRegistration.Duplicate earlier, Ticket draft, string hash, IReadOnlyList<AttachmentRef> files, CancellationToken ct)
    {
        if (earlier.PayloadHash != hash)
        {
            await attachments.DeleteAsync(files, ct);
            return new IntakeResult.KeyReused(earlier.Number);
        }

        var existing = await store.GetAsync(earlier.Number, ct);
        if (existing is not null)
        {
            await attachments.DeleteAsync(files, ct);
            return new IntakeResult.Replayed(existing.Ticket);
        }

        // The first request claimed the key but has not written (or crashed before writing) its ticket.
        // Same payload, so write that ticket ourselves with the first request's number and time; whoever
        // writes first wins and publishes, the other reads it back.
        var ticket = draft with { Number = earlier.Number, CreatedAt = earlier.CreatedAt, UpdatedAt = earlier.CreatedAt };
        ticket = ticket with { DueAt = deadlines.NextDue(ticket) };
        if (await store.CreateAsync(ticket, CreatedEntry(ticket), "created", ct))
        {
            await publisher.PublishAsync(CreatedEvent(ticket), ct);
            return new IntakeResult.Created(ticket);
        }

        await attachments.DeleteAsync(files, ct);
        var winner = await store.GetAsync(earlier.Number, ct);
        return new IntakeResult.Replayed(winner!.Ticket);
    }

    private Ticket Draft(ValidSubmission s, IReadOnlyList<AttachmentRef> files, DateTimeOffset now)
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
            Attachments = files,
        };
        return ticket with { DueAt = deadlines.NextDue(ticket) };
    }

    private static TimelineEntry CreatedEntry(Ticket t) => new(
        t.CreatedAt,
        t.Requester.Email,
        "created",
        $"Ticket created by {t.Requester.Name} <{t.Requester.Email}> from the web form: {t.Priority}, level {t.Level}.",
        Visibility.Public,
        new Dictionary<string, string> { ["channel"] = "web", ["priority"] = t.Priority.ToString(), ["level"] = t.Level.ToString() });

    public static TicketEvent CreatedEvent(Ticket t) =>
        new($"{t.Number}-created", t.Number, TicketEventKind.Created, t.CreatedAt, t.Requester.Email, TicketSnapshot.Of(t));

    /// <summary>What makes two submissions "the same request" for an idempotency key.</summary>
    public static string PayloadHash(ValidSubmission s, IReadOnlyList<AttachmentRef> files)
    {
        var canonical = JsonSerializer.Serialize(new { s, files = files.Select(f => new { f.FileName, f.Length }) }, HelpdeskJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
