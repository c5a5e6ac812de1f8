using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>
/// Turns a valid submission into a ticket. Storage requests per ticket: one batch that allocates the number and
/// inserts the queue row (shared by concurrent requests), one to register with the requester (and claim the
/// idempotency key), one batch for the ticket and its first timeline line, one to publish the "created" event.
/// </summary>
public sealed class TicketIntake(
    TicketNumbers numbers,
    LevelQueues queues,
    RequesterIndex requesters,
    TicketStore store,
    PriorityMatrix priorities,
    ITicketDeadlines deadlines,
    ITicketEventPublisher publisher,
    AttachmentStore attachments,
    TimeProvider time,
    ILogger<TicketIntake> logger)
{
    public async Task<IntakeResult> CreateAsync(
        ValidSubmission submission, IReadOnlyList<AttachmentRef> files, string? idempotencyKey, IntakeSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(source);
        var now = time.GetUtcNow();
        var draft = Draft(submission, files, source, now);
        var hash = PayloadHash(submission, files);

        var number = await numbers.AllocateAsync(draft, ct);
        var ticket = draft with { Number = number };

        var registration = await requesters.RegisterAsync(ticket, idempotencyKey, hash, ct);
        if (registration is RequesterRegistration.Duplicate earlier)
        {
            // The number we just took stays unused: remove its queue row so no phantom ticket is listed.
            await queues.DeleteRowAsync(LevelQueues.QueueKey(ticket), ct);
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
        IntakeLog.TicketCreated(logger, number, ticket.Priority, ticket.Category, WireName.Of(source.Channel));
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

    private Ticket Draft(ValidSubmission s, IReadOnlyList<AttachmentRef> files, IntakeSource source, DateTimeOffset now)
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
            Channel = WireName.Of(source.Channel),
            SourceReference = source.Reference,
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

    /// <summary>What makes two submissions "the same request" for an idempotency key.</summary>
    public static string PayloadHash(ValidSubmission s, IReadOnlyList<AttachmentRef> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var canonical = JsonSerializer.Serialize(new { s, files = files.Select(f => new { f.FileName, f.Length }) }, HelpdeskJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
