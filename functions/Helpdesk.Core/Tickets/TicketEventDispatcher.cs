using System.Text.Json;
using Azure.Storage.Queues;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Consumes one <c>ticket-events</c> message: hands the event to every handler in turn. Throws on failure, so that
/// the host retries the message and, after <see cref="QueueRules.MaxDequeueCount"/> attempts, moves it to the
/// poison queue. A malformed message is refused at once with a clear error (it can never succeed).
/// </summary>
public sealed class TicketEventDispatcher(IEnumerable<ITicketEventHandler> handlers, ILogger<TicketEventDispatcher> logger)
{
    public async Task DispatchAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        TicketEvent? ticketEvent;
        try
        {
            ticketEvent = JsonSerializer.Deserialize<TicketEvent>(message, HelpdeskJson.Options);
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"The {TicketQueues.Events} message is not a ticket event: {ex.Message}", ex);
        }

        if (ticketEvent is null || ticketEvent.Ticket is null || ticketEvent.Number <= 0)
        {
            throw new MalformedMessageException($"The {TicketQueues.Events} message has no ticket.");
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(ticketEvent, redelivered: dequeueCount > 1, cancellationToken);
        }

        TicketLog.EventHandled(logger, ticketEvent.EventId);
    }
}
