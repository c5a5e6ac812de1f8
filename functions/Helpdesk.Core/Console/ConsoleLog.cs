using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Console;

/// <summary>Logs of the console: event ids 12100–12199.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 12101, Level = LogLevel.Information, Message = "Console action {Action} on ticket {TicketNumber} by technician {TechnicianId}")]
    public static partial void Acted(ILogger logger, int ticketNumber, string action, string technicianId);

    [LoggerMessage(EventId = 12102, Level = LogLevel.Information, Message = "Phone ticket {TicketNumber} logged by technician {TechnicianId}")]
    public static partial void PhoneTicket(ILogger logger, int ticketNumber, string technicianId);
}
