using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Intake;

/// <summary>The intake events an operator searches for (event ids 1000–1099).</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(EventId = 1001, EventName = "TicketCreated", Level = LogLevel.Information,
        Message = "Ticket {Number} created ({Priority}, {Category}) from channel {Channel}.")]
    public static partial void TicketCreated(ILogger logger, int number, Priority priority, Category category, string channel);

    [LoggerMessage(EventId = 1002, EventName = "HoneypotFilled", Level = LogLevel.Information,
        Message = "Honeypot field filled; submission dropped.")]
    public static partial void HoneypotFilled(ILogger logger);

    [LoggerMessage(EventId = 1003, EventName = "AttachmentDeleteFailed", Level = LogLevel.Warning,
        Message = "Could not delete orphan attachment {Blob}; the daily sweep will.")]
    public static partial void AttachmentDeleteFailed(ILogger logger, Exception exception, string blob);

    [LoggerMessage(EventId = 1004, EventName = "RequestBodyUnreadable", Level = LogLevel.Information,
        Message = "The request body could not be read; answered {StatusCode}.")]
    public static partial void RequestBodyUnreadable(ILogger logger, Exception exception, int statusCode);

    [LoggerMessage(EventId = 1005, EventName = "MultipartMalformed", Level = LogLevel.Information,
        Message = "Malformed multipart body refused: {Reason}")]
    public static partial void MultipartMalformed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 1006, EventName = "JsonMalformed", Level = LogLevel.Information,
        Message = "Malformed JSON body refused: {Reason}")]
    public static partial void JsonMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1007, EventName = "AttachmentRefused", Level = LogLevel.Information,
        Message = "Attachment refused ({Extension}, declared {DeclaredType}): {Reason}.")]
    public static partial void AttachmentRefused(ILogger logger, string extension, string declaredType, string reason);

    [LoggerMessage(EventId = 1008, EventName = "UploadsDeleted", Level = LogLevel.Debug,
        Message = "Deleted {Count} attachment blobs of a request that did not end in a ticket.")]
    public static partial void UploadsDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1009, EventName = "IdempotencyKeyReused", Level = LogLevel.Information,
        Message = "Idempotency key of ticket {Number} reused for a different request; refused.")]
    public static partial void IdempotencyKeyReused(ILogger logger, int number);

    [LoggerMessage(EventId = 1010, EventName = "AttachmentSweepCompleted", Level = LogLevel.Information,
        Message = "Attachment sweep: {Scanned} blobs scanned, {Kept} kept, {Removed} removed, {Failed} failed.")]
    public static partial void AttachmentSweepCompleted(ILogger logger, int scanned, int kept, int removed, int failed);

    [LoggerMessage(EventId = 1011, EventName = "AttachmentSweepRemoved", Level = LogLevel.Information,
        Message = "Attachment sweep removed orphan blob {Blob} (created {CreatedOn:o}, marked for ticket {Ticket}).")]
    public static partial void AttachmentSweepRemoved(ILogger logger, string blob, DateTimeOffset createdOn, int? ticket);

    [LoggerMessage(EventId = 1012, EventName = "AttachmentSweepFailed", Level = LogLevel.Warning,
        Message = "Attachment sweep could not check or delete blob {Blob}; the next run will retry.")]
    public static partial void AttachmentSweepFailed(ILogger logger, Exception exception, string blob);
}
