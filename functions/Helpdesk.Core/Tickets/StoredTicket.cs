using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>A ticket with the ETag it was read at: every update must present it.</summary>
public sealed record StoredTicket(Ticket Ticket, ETag ETag);
