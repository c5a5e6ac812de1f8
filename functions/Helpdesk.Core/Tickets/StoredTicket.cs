using Azure;

namespace Helpdesk.Core.Tickets;

/// <summary>A ticket with the ETag it was read at: every update must present it.</summary>
public sealed record StoredTicket(Ticket Ticket, ETag ETag);
