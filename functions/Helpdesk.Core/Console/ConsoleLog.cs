using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Console;

/// <summary>Logs of the console: event ids 12100–12199.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 12101, Level = LogLevel.Information, Message = "Console action {Action} on ticket {TicketNumber} by technician {TechnicianId}")]
    public static partial void Acted(ILogger logger, int ticketNumber, string action, string technicianId);

    [LoggerMessage(EventId = 12102, Level = LogLevel.Information, Message = "Phone ticket {TicketNumber} logged by technician {TechnicianId}")]
    public static partial void PhoneTicket(ILogger logger, int ticketNumber, string technicianId);

    [LoggerMessage(EventId = 12103, Level = LogLevel.Information,
        Message = "Console indexes backfilled: {Tickets} tickets read after #{After}, {Closed} resolved/closed tickets made searchable, {Requesters} known requesters added")]
    public static partial void Backfilled(ILogger logger, int tickets, int after, int closed, int requesters);

    [LoggerMessage(EventId = 12104, Level = LogLevel.Warning, Message = "Console index backfill stopped after ticket #{After}; it resumes there at the next start")]
    public static partial void BackfillFailed(ILogger logger, Exception exception, int after);
}
