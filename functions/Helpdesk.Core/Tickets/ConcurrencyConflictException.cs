
namespace Helpdesk.Core.Tickets;

/// <summary>Another technician changed the ticket between our read and our write (HTTP 412 from storage).</summary>
public sealed class ConcurrencyConflictException(int number, Exception inner)
    : Exception($"Ticket {Ticket.FormatNumber(number)} was changed by someone else at the same time.", inner);
