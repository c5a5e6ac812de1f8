using System.Collections.Frozen;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Tickets;

/// <summary>
/// Consumes one <c>ticket-events</c> message; each handler runs, fails and is retried on its own.
/// <list type="bullet">
/// <item>An event for everyone runs every handler, each isolated from the others' failures. For each handler that
/// failed it publishes a targeted message (the event plus <c>"handler":"&lt;name&gt;"</c>, see
/// <see cref="TicketEventMessage"/>) to the same queue, visible after <see cref="QueueRules.RetryDelay"/>, and completes:
/// the acknowledgment mail failing never keeps the SLA clock from starting, nor the other way round. Only when a
/// targeted message cannot be published does it throw (the whole event is retried; handlers are idempotent).</item>
/// <item>A targeted message runs that handler alone and throws on failure, so the host retries it and, after
/// <see cref="QueueRules.MaxDequeueCount"/> attempts, moves it — with the handler's name — to the poison queue.</item>
/// </list>
/// A malformed message, or one naming an unknown handler, is <see cref="MalformedMessageException"/>: poisoned at once.
/// </summary>
public sealed class TicketEventDispatcher
{
    private readonly IReadOnlyList<ITicketEventHandler> _handlers;
    private readonly FrozenDictionary<string, ITicketEventHandler> _byName;
    private readonly StorageClients _storage;
    private readonly ILogger<TicketEventDispatcher> _logger;

    public TicketEventDispatcher(IEnumerable<ITicketEventHandler> handlers, StorageClients storage, ILogger<TicketEventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = [.. handlers];
        foreach (var handler in _handlers)
        {
            if (!IsValidName(handler.Name))
            {
                throw new InvalidOperationException(
                    $"Ticket event handler {handler.GetType().Name} has the name '{handler.Name}': use lower-case letters, digits and '-'.");
            }
        }

        var duplicate = _handlers.GroupBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Ticket event handlers {string.Join(", ", duplicate.Select(h => h.GetType().Name))} share the name '{duplicate.Key}'.");
        }

        _byName = _handlers.ToFrozenDictionary(h => h.Name, StringComparer.Ordinal);
        _storage = storage;
        _logger = logger;
    }

    /// <summary>The handlers' names, in the order they are registered.</summary>
    public IReadOnlyList<string> HandlerNames => [.. _handlers.Select(h => h.Name)];

    public async Task DispatchAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        var (ticketEvent, target) = TicketEventMessage.Parse(message);
        if (target is not null)
        {
            if (!_byName.TryGetValue(target, out var handler))
            {
                throw new MalformedMessageException(
                    $"The {TicketQueues.Events} message is for handler '{target}', which does not exist (handlers: {string.Join(", ", _byName.Keys)}).");
            }

            // It failed at least once before (that is why this message exists): redelivered.
            await handler.HandleAsync(ticketEvent, redelivered: true, cancellationToken);
            TicketLog.HandlerRetrySucceeded(_logger, target, ticketEvent.EventId, ticketEvent.Number, dequeueCount);
            return;
        }

        var redelivered = dequeueCount > 1;
        var failures = await Task.WhenAll(_handlers.Select(h => RunIsolatedAsync(h, ticketEvent, redelivered, cancellationToken)));
        var failed = _handlers.Where((_, i) => failures[i] is not null).ToList();
        foreach (var handler in failed)
        {
            // Nothing is lost if this throws: the original message is retried, and every handler is idempotent.
            await _storage.Queue(TicketQueues.Events).SendMessageAsync(
                TicketEventMessage.Serialize(ticketEvent, handler.Name), QueueRules.RetryDelay, cancellationToken: cancellationToken);
            TicketLog.HandlerRetryScheduled(_logger, handler.Name, ticketEvent.EventId, ticketEvent.Number);
        }

        TicketLog.EventHandled(_logger, ticketEvent.EventId, _handlers.Count - failed.Count, failed.Count);
    }

    private async Task<Exception?> RunIsolatedAsync(ITicketEventHandler handler, TicketEvent ticketEvent, bool redelivered, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(ticketEvent, redelivered, ct);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again and is retried whole.
            throw;
        }
#pragma warning disable CA1031 // Each handler is isolated: whatever it throws, the others still run and it is retried alone.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            TicketLog.HandlerFailed(_logger, ex, handler.Name, ticketEvent.EventId, ticketEvent.Number);
            return ex;
        }
    }

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
