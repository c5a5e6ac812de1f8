using Helpdesk.Core.Conversation;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Email;

/// <summary>
/// The consumer of <see cref="InboundQueues.Mail"/>: a stored message becomes a ticket, a comment, a timeline note,
/// or nothing (with the reason logged). Exactly once per mail, whatever the deliveries, retries and routes: the
/// decision is written first under the mail's key (<see cref="MailRecords"/>) and every action is idempotent
/// (ticket creation under an idempotency claim, timeline lines under deterministic ids).
/// <para>Threading, in this order: (1) a reply address or Message-ID this instance signed; (2) In-Reply-To/References
/// naming a mail recorded on a ticket; (3) the ticket tag <c>[#1042]</c> in the subject, only from the requester or
/// someone who already wrote on the ticket.</para>
/// </summary>
public sealed partial class InboundMailProcessor(
    InboundMailStore store,
    MailRecords records,
    MailThreadAddresses thread,
    TicketStore tickets,
    BouncedAddresses bounced,
    TicketService service,
    TicketIntake intake,
    ITicketEventPublisher publisher,
    StorageClients storage,
    IOptions<InboundOptions> inboundOptions,
    IOptions<IntakeOptions> intakeOptions,
    SupportAddresses support,
    TimeProvider time,
    ILogger<InboundMailProcessor> logger)
{
    public const string Created = "created";
    public const string FollowUp = "follow-up";
    public const string Commented = "comment";
    public const string AutoReplyNoted = "auto-reply";
    public const string BounceRecorded = "bounce";
    public const string Ignored = "ignored";

    private const int MaxCommentLength = 30_000;
    private const int MaxLookups = 20;

    private InboundOptions Options => inboundOptions.Value;

    /// <summary>Processes one queue message (the hosts call this through <see cref="QueueMessageProcessor"/>).</summary>
    /// <exception cref="MalformedMessageException">Not an inbound message, its blob is gone, or the mail is unreadable: poisoned at once, with the reason.</exception>
    public async Task ProcessAsync(string body, CancellationToken ct)
    {
        var message = InboundMailMessage.Parse(body);
        var raw = await store.ReadAsync(message.Blob, ct)
            ?? throw new MalformedMessageException($"The stored message {InboundMailStore.Container}/{message.Blob} no longer exists.");
        ParsedMail mail;
        try
        {
            mail = MailParser.Parse(raw);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parsing is deterministic: retrying cannot help. The raw bytes stay in Blob storage for inspection and replay.
            throw new MalformedMessageException(
                $"The mail cannot be read ({(ex is UnreadableMailException ? ex.Message : ex.GetType().Name)}); the raw message is kept as {InboundMailStore.Container}/{message.Blob}.", ex);
        }

        await HandleAsync(mail, message, ct);
    }

    /// <summary>Decides (once) and acts (idempotently) on a parsed mail; returns the final record.</summary>
    public async Task<MailRecord> HandleAsync(ParsedMail mail, InboundMailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(message);
        var key = MailRecords.Key(mail.DedupeKey);
        var existing = await records.GetAsync(key, ct);
        if (existing is { Done: true })
        {
            EmailLog.DuplicateMail(logger, existing.Outcome, existing.Ticket, message.Route);
            return existing;
        }

        var decision = existing ?? await records.DecideAsync(key, await DecideAsync(mail, message, ct), ct);
        var final = await ExecuteAsync(mail, message, key, decision, ct);
        await records.CompleteAsync(key, final, ct);
        EmailLog.MailProcessed(logger, final.Outcome, final.Ticket, final.Reason ?? "", message.Route);
        return final with { Done = true };
    }

    private async Task<MailRecord> DecideAsync(ParsedMail mail, InboundMailMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var c = MailClassifier.Classify(mail, support.Contains, id => thread.TicketOfMessageId(id) is not null);
        if (c.Kind == MailKind.OwnMail)
        {
            return new MailRecord(Ignored, null, now, false, "own mail: " + c.Reason);
        }

        if (mail.Requester is null && c.Kind is MailKind.Person or MailKind.Automated)
        {
            return new MailRecord(Ignored, null, now, false, "no sender address to answer");
        }

        var found = await FindTicketAsync(mail, message, allowTag: c.Kind is MailKind.Person or MailKind.Automated or MailKind.AutoReply, ct);
        switch (c.Kind)
        {
            case MailKind.Bounce:
                return found is { } b
                    ? new MailRecord(BounceRecorded, b.Number, now, false, $"{c.Reason}; threaded by {b.How}")
                    : new MailRecord(Ignored, null, now, false, $"bounce ({c.Reason}) of a mail no ticket knows: backscatter, not answered");
            case MailKind.AutoReply:
                return found is { } a
                    ? new MailRecord(AutoReplyNoted, a.Number, now, false, $"{c.Reason}; threaded by {a.How}")
                    : new MailRecord(Ignored, null, now, false, $"automatic reply ({c.Reason}) to no known ticket, not answered");
        }

        var noAutoReply = c.Kind == MailKind.Automated ? c.Reason : null;
        if (found is not { } t || await tickets.GetAsync(t.Number, ct) is not { } stored)
        {
            return new MailRecord(Created, null, now, false, noAutoReply);
        }

        var ticket = stored.Ticket;
        var expired = ticket.Status == TicketStatus.Resolved && ticket.ResolvedAt is { } resolved && now - resolved > Options.ReopenWindow;
        return ticket.Status == TicketStatus.Closed || expired
            ? new MailRecord(FollowUp, t.Number, now, false, noAutoReply)
            : new MailRecord(Commented, t.Number, now, false, $"threaded by {t.How}");
    }

    private async Task<MailRecord> ExecuteAsync(ParsedMail mail, InboundMailMessage message, string key, MailRecord decision, CancellationToken ct)
    {
        var entryId = "mail-" + key[..16];
        var sender = mail.Requester?.Address ?? mail.From?.Address ?? "unknown sender";
        switch (decision.Outcome)
        {
            case BounceRecorded:
                await tickets.RecordAsync(decision.Ticket!.Value, new TimelineEntry(decision.At, "system", "email-bounced",
                    $"A mail about this ticket could not be delivered ({mail.DeliveryStatus ?? mail.Subject}). Reported by {sender}; nothing was answered.",
                    Visibility.Internal, Data(mail, message, ("status", mail.DeliveryStatus))), entryId, ct);
                await MarkRequesterBouncedAsync(mail, decision.Ticket!.Value, ct);
                return decision;
            case AutoReplyNoted:
                await tickets.RecordAsync(decision.Ticket!.Value, new TimelineEntry(decision.At, sender, "email-auto-reply",
                    $"Automatic reply from {sender}: {Truncate(mail.Subject, 200)}. Noted without changing the ticket; nothing was answered.",
                    Visibility.Internal, Data(mail, message, ("text", Truncate(mail.Text, 2000)))), entryId, ct);
                return decision;
            case Commented:
                return await CommentAsync(mail, message, decision, entryId, ct) ?? await CreateAsync(mail, message, key, decision with { Outcome = FollowUp }, ct);
            case Created:
            case FollowUp:
                return await CreateAsync(mail, message, key, decision, ct);
            default:
                return decision;
        }
    }

    /// <summary>
    /// A permanent failure to deliver to the ticket's requester puts the address on the bounce list, so that no requester
    /// mail is sent to it again (a bounce loop otherwise). Delays and relays are not failures; other recipients (level
    /// groups, managers) are never listed from here.
    /// </summary>
    private async Task MarkRequesterBouncedAsync(ParsedMail mail, int number, CancellationToken ct)
    {
        if (mail.DeliveryStatus is { } status && !status.StartsWith("failed", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var failed = mail.Header("X-Failed-Recipients").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (mail.DeliveryStatus is { } described && described.LastIndexOf(" for ", StringComparison.Ordinal) is var at and >= 0)
        {
            failed.Add(described[(at + 5)..].Trim());
        }

        if (await tickets.GetAsync(number, ct) is not { } stored)
        {
            return;
        }

        var requester = stored.Ticket.Requester.Email;
        if (failed.Any(a => a.Trim('<', '>').Equals(requester, StringComparison.OrdinalIgnoreCase)))
        {
            await bounced.MarkAsync(requester, $"bounce report {mail.DeliveryStatus ?? "(no status)"} on ticket #{number}", ct);
        }
    }

    /// <summary>The reply as a public comment; resumes a ticket waiting on the requester, reopens a resolved one. Null when the ticket closed meanwhile.</summary>
    private async Task<MailRecord?> CommentAsync(ParsedMail mail, InboundMailMessage message, MailRecord decision, string entryId, CancellationToken ct)
    {
        var number = decision.Ticket!.Value;
        var actor = mail.Requester?.Address ?? "unknown";
        var stored = await tickets.GetAsync(number, ct);
        if (stored is null || stored.Ticket.Status == TicketStatus.Closed)
        {
            return null;
        }

        try
        {
            if (stored.Ticket.Status == TicketStatus.WaitingOnRequester)
            {
                await service.ApplyAsync(number, new Resume(actor, $"Work resumed: {actor} replied by email."), ct);
            }
            else if (stored.Ticket.Status == TicketStatus.Resolved)
            {
                await service.ApplyAsync(number, new Reopen(actor, $"Reopened: {actor} replied by email."), ct);
            }
        }
        catch (InvalidTransitionException ex)
        {
            // Someone changed the ticket in between (or an earlier delivery did it): the comment still goes on.
            EmailLog.StateChangeSkipped(logger, number, ex.Message);
        }

        var files = await StoreFilesAsync(mail, message, includeBody: false, fullText: false, ct);
        var text = mail.Text.Length == 0 ? "(no text)" : Truncate(mail.Text, MaxCommentLength);
        var data = Data(mail, message, ("channel", "email"));
        if (files.Count > 0)
        {
            data["attachments"] = string.Join(", ", files.Select(f => f.Attachment.FileName));
            data["blobs"] = string.Join(" ", files.Select(f => f.Attachment.BlobName));
        }

        var entry = new TimelineEntry(decision.At, actor, WireName.Of(TicketEventKind.Commented), text, Visibility.Public, data);
        await tickets.RecordAsync(number, entry, entryId, ct);
        var after = (await tickets.GetAsync(number, ct))?.Ticket ?? stored.Ticket;
        await publisher.PublishAsync(new TicketEvent($"{number}-{decision.At.UtcTicks}-commented-{entryId}", number, TicketEventKind.Commented,
            decision.At, actor, TicketSnapshot.Of(after)), ct);
        return decision;
    }

    private async Task<MailRecord> CreateAsync(ParsedMail mail, InboundMailMessage message, string key, MailRecord decision, CancellationToken ct)
    {
        var limits = intakeOptions.Value;
        var requester = mail.Requester ?? throw new MalformedMessageException("The mail has no sender address to answer.");
        var lang = LanguageGuess.Guess(mail.DeclaredLanguage, mail.Subject, mail.Text);
        var name = InvisibleCharacters.Remove(string.IsNullOrWhiteSpace(requester.Name) ? requester.Address.Split('@')[0] : requester.Name).Trim();
        var subject = mail.Subject.Length == 0 ? (lang == "en" ? "(no subject)" : "(sans objet)") : mail.Subject;
        var description = mail.Text.Length == 0 ? (lang == "en" ? "(no text: see the attachments)" : "(pas de texte : voir les pièces jointes)") : mail.Text;
        if (decision.Outcome == FollowUp && decision.Ticket is { } earlier)
        {
            description = $"Follow-up of {Ticket.FormatNumber(earlier)}, which is closed.\n\n" + description;
        }

        var truncated = description.Length > limits.MaxDescriptionLength;
        if (truncated)
        {
            const string note = "\n\n[…] (the full text is attached as message.txt)";
            description = Truncate(description, limits.MaxDescriptionLength - note.Length) + note;
        }

        var submission = new ValidSubmission(
            new Requester(Truncate(name.Length == 0 ? "?" : name, limits.MaxNameLength), requester.Address, null, lang),
            Truncate(subject, limits.MaxSubjectLength), description, Options.Category, Options.Impact, Options.CanWork, null);
        var files = await StoreFilesAsync(mail, message, includeBody: true, fullText: truncated, ct);
        var source = new IntakeSource(IntakeChannel.Email, mail.MessageId is { } id ? Truncate(id, IntakeSource.MaxReferenceLength) : null)
        {
            NoAutoReply = decision.Reason is { Length: > 0 } reason ? reason : null,
        };
        var result = await intake.CreateAsync(submission, files, "email:" + key, source, ct);
        var ticket = result switch
        {
            IntakeResult.Created c => c.Ticket,
            IntakeResult.Replayed r2 => r2.Ticket,
            // The same mail by another route (different bytes) raced this one: its ticket is the mail's ticket.
            IntakeResult.KeyReused k => (await tickets.GetAsync(k.Number, ct))?.Ticket ?? throw new InvalidOperationException($"Ticket {k.Number} is claimed but not written yet."),
            _ => throw new InvalidOperationException("Unknown intake result."),
        };

        await tickets.RecordAsync(ticket.Number, new TimelineEntry(ticket.CreatedAt.AddTicks(2), "system", "email-received", ReceivedText(mail, message, decision),
            Visibility.Internal, Data(mail, message, ("language", lang))), "mail-received", ct);
        if (decision.Outcome == FollowUp && decision.Ticket is { } old)
        {
            await tickets.RecordAsync(old, new TimelineEntry(decision.At, "system", "email-follow-up",
                $"{requester.Address} wrote again about this closed ticket: follow-up {ticket.Reference} was opened.", Visibility.Internal,
                new Dictionary<string, string> { ["ticket"] = ticket.Number.ToString(CultureInfo.InvariantCulture) }), "mail-followup-" + key[..12], ct);
        }

        return decision with { Ticket = ticket.Number };
    }

    private string ReceivedText(ParsedMail mail, InboundMailMessage message, MailRecord decision)
    {
        var text = new StringBuilder($"Received by email ({message.Route}) from {mail.From?.ToString() ?? mail.Requester?.Address}");
        text.Append(CultureInfo.InvariantCulture, $"; original kept as {InboundMailStore.Container}/{message.Blob}.");
        if (decision.Reason is { Length: > 0 } reason && decision.Outcome != Commented)
        {
            text.Append(CultureInfo.InvariantCulture, $" No automatic answer is sent to this sender: {reason}.");
        }

        if (mail.DecodingTrouble)
        {
            text.Append(" Some characters could not be decoded in the mail's charset; the original is attached as original.eml.");
        }

        foreach (var tag in decision.Outcome == Created ? SubjectTag().Matches(mail.Subject).ToList() : [])
        {
            text.Append(CultureInfo.InvariantCulture, $" The subject mentions {tag.Value.Trim('[', ']')}; the mail was not added to it (the sender is not a participant of that ticket, or it does not exist).");
        }

        if (mail.Attachments.Count > Options.MaxAttachments)
        {
            text.Append(CultureInfo.InvariantCulture, $" {mail.Attachments.Count - Options.MaxAttachments} attachment(s) beyond the limit of {Options.MaxAttachments} are only in the original.");
        }

        return text.ToString();
    }

    private async Task<(int Number, string How)?> FindTicketAsync(ParsedMail mail, InboundMailMessage message, bool allowTag, CancellationToken ct)
    {
        foreach (var recipient in mail.Recipients.Concat(message.Recipients ?? []))
        {
            if (thread.TicketOfReplyAddress(recipient) is { } byAddress)
            {
                return (byAddress, "signed reply address");
            }
        }

        var ids = mail.ThreadIds.Concat(mail.ReferencedIds).Distinct(StringComparer.Ordinal).Take(MaxLookups).ToList();
        foreach (var id in ids)
        {
            if (thread.TicketOfMessageId(id) is { } bySignedId)
            {
                return (bySignedId, "signed Message-ID");
            }
        }

        foreach (var id in ids)
        {
            if (await records.TicketOfAsync(id, ct) is { } byRecord)
            {
                return (byRecord, "In-Reply-To/References");
            }
        }

        if (!allowTag)
        {
            return null;
        }

        var sender = mail.Requester?.Address;
        foreach (Match tag in SubjectTag().Matches(mail.Subject))
        {
            if (!int.TryParse(tag.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || await tickets.GetAsync(number, ct) is not { } stored || sender is null)
            {
                continue;
            }

            if (Same(stored.Ticket.Requester.Email, sender) || Same(mail.From?.Address, stored.Ticket.Requester.Email)
                || (await tickets.GetTimelineAsync(number, ct)).Any(e => Same(e.Actor, sender)))
            {
                return (number, "subject tag from a participant");
            }
        }

        return null;
    }

    /// <summary>Attachments and inline images (and for a new ticket the sanitized HTML, the original when charsets failed) to the attachments container.</summary>
    private async Task<IReadOnlyList<UploadedFile>> StoreFilesAsync(ParsedMail mail, InboundMailMessage message, bool includeBody, bool fullText, CancellationToken ct)
    {
        var uploadId = Guid.NewGuid().ToString("N");
        var container = storage.Container(StorageClients.AttachmentsContainer);
        var files = new List<UploadedFile>();
        var wanted = mail.Attachments.Take(Options.MaxAttachments).Select(a => (a.FileName, a.ContentType, a.Content)).ToList();
        if (includeBody && mail.SanitizedHtml is { } html)
        {
            wanted.Add(("message.html", "text/html", Encoding.UTF8.GetBytes(html)));
        }

        if (includeBody && fullText)
        {
            wanted.Add(("message.txt", "text/plain", Encoding.UTF8.GetBytes(mail.Text)));
        }

        if (includeBody && mail.DecodingTrouble)
        {
            wanted.Add(("original.eml", "message/rfc822", await store.ReadAsync(message.Blob, ct) ?? []));
        }

        foreach (var (fileName, contentType, content) in wanted)
        {
            var display = AttachmentStore.DisplayName(fileName);
            var blobName = $"{uploadId}/{files.Count}-{AttachmentStore.SafeName(display)}";
            var type = StoredType(contentType);
            await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content),
                new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = type } }, ct);
            files.Add(new UploadedFile(new AttachmentRef(display, type, content.Length, blobName), Convert.ToHexStringLower(SHA256.HashData(content))));
        }

        return files;
    }

    /// <summary>The content type a file is stored (and later served) with: known safe types as declared, everything else as bytes.</summary>
    private static string StoredType(string declared) => declared switch
    {
        "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "application/pdf" or "text/plain" or "message/rfc822" => declared,
        "text/html" => "text/html",
        "image/jpg" => "image/jpeg",
        _ => "application/octet-stream",
    };

    private static Dictionary<string, string> Data(ParsedMail mail, InboundMailMessage message, params (string Key, string? Value)[] extra)
    {
        var data = new Dictionary<string, string>
        {
            ["route"] = message.Route,
            ["raw"] = InboundMailStore.Container + "/" + message.Blob,
        };
        if (mail.MessageId is { } id)
        {
            data["messageId"] = Truncate(id, 500);
        }

        if (mail.From is { } from)
        {
            data["from"] = Truncate(from.Address, 320);
        }

        foreach (var (k, v) in extra)
        {
            if (v is not null)
            {
                data[k] = v;
            }
        }

        return data;
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];

    [GeneratedRegex(@"\[#(\d{1,9})\]")]
    private static partial Regex SubjectTag();
}
