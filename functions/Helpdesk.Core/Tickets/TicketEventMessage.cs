using System.Text.Json;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// The body of a <c>ticket-events</c> message: a <see cref="TicketEvent"/> as JSON, for every handler; or the same
/// event with <c>"handler":"&lt;name&gt;"</c>, a targeted retry for that one handler only.
/// </summary>
public static class TicketEventMessage
{
    public const string HandlerProperty = "handler";

    public static string Serialize(TicketEvent ticketEvent, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        if (handler is null)
        {
            return JsonSerializer.Serialize(ticketEvent, HelpdeskJson.Options);
        }

        var node = JsonSerializer.SerializeToNode(ticketEvent, HelpdeskJson.Options)!.AsObject();
        node[HandlerProperty] = handler;
        return node.ToJsonString(HelpdeskJson.Options);
    }

    /// <summary>The event and, for a targeted retry, the handler's name. A message that is not a ticket event is <see cref="MalformedMessageException"/>.</summary>
    public static (TicketEvent Event, string? Handler) Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TicketEvent? ticketEvent;
        string? handler = null;
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedMessageException($"The {TicketQueues.Events} message is not a JSON object.");
            }

            if (document.RootElement.TryGetProperty(HandlerProperty, out var target))
            {
                handler = target.ValueKind == JsonValueKind.String && target.GetString() is { Length: > 0 } name
                    ? name
                    : throw new MalformedMessageException($"The {TicketQueues.Events} message names no handler in '{HandlerProperty}'.");
            }

            ticketEvent = document.Deserialize<TicketEvent>(HelpdeskJson.Options);
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"The {TicketQueues.Events} message is not a ticket event: {ex.Message}", ex);
        }

        if (ticketEvent is null || ticketEvent.Ticket is null || ticketEvent.Number <= 0 || string.IsNullOrEmpty(ticketEvent.EventId))
        {
            throw new MalformedMessageException($"The {TicketQueues.Events} message has no ticket.");
        }

        return (ticketEvent, handler);
    }
}
