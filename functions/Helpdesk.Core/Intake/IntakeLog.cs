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
        Message = "Could not delete orphan attachment {Blob}.")]
    public static partial void AttachmentDeleteFailed(ILogger logger, Exception exception, string blob);
}
