using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.IntegrationTests.Tickets;

/// <summary>
/// <see cref="TicketEventDispatcher"/> on the real <c>ticket-events</c> queue (Azurite): every handler runs on its own,
/// a failing one is retried alone through a targeted message, and only that message can end in the poison queue.
/// </summary>
public class TicketEventDispatchTests
{
    [Fact]
    public async Task OneHandlerFails_TheOthersStillRun_AndOnlyTheFailedOneIsRetried_ByATargetedMessage()
    {
        var failing = new ScriptedHandler("failing", failures: 2);
        var recording = new ScriptedHandler("recording");
        await using var core = await StartAsync(failing, recording);
        var dispatcher = core.Get<TicketEventDispatcher>();
        var ticketEvent = Event(1042);

        // The event for everyone: completes although one handler threw.
        await dispatcher.DispatchAsync(TicketEventMessage.Serialize(ticketEvent), dequeueCount: 1, default);

        Assert.Equal([false], recording.Calls.Select(c => c.Redelivered));
        Assert.Equal([false], failing.Calls.Select(c => c.Redelivered));
        var targeted = await NextMessageAsync(core.Get<StorageClients>().Queue(TicketQueues.Events));
        var (retried, handler) = TicketEventMessage.Parse(targeted);
        Assert.Equal("failing", handler);
        Assert.Equal(ticketEvent.EventId, retried.EventId);
        Assert.Equal(ticketEvent.Number, retried.Number);
        Assert.Contains("\"handler\":\"failing\"", targeted, StringComparison.Ordinal);

        // The targeted message runs that handler alone, as a redelivery; its failure goes back to the host (retry/poison).
        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchAsync(targeted, dequeueCount: 1, default));
        await dispatcher.DispatchAsync(targeted, dequeueCount: 2, default);

        Assert.Equal([false, true, true], failing.Calls.Select(c => c.Redelivered));
        Assert.Single(recording.Calls);
        // A targeted message is never fanned out again (invisible messages count too).
        Assert.Equal(0, (await core.Get<StorageClients>().Queue(TicketQueues.Events).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task AllHandlersSucceed_NothingIsRepublished()
    {
        var a = new ScriptedHandler("a");
        var b = new ScriptedHandler("b");
        await using var core = await StartAsync(a, b);

        await core.Get<TicketEventDispatcher>().DispatchAsync(TicketEventMessage.Serialize(Event(7)), dequeueCount: 3, default);

        Assert.Equal([true], a.Calls.Select(c => c.Redelivered));
        Assert.Equal([true], b.Calls.Select(c => c.Redelivered));
        Assert.Equal(0, (await core.Get<StorageClients>().Queue(TicketQueues.Events).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task TargetedMessage_ForAnUnknownHandler_IsMalformed_SoItIsPoisonedAtOnce()
    {
        await using var core = await StartAsync(new ScriptedHandler("known"));
        var dispatcher = core.Get<TicketEventDispatcher>();

        var ex = await Assert.ThrowsAsync<MalformedMessageException>(
            () => dispatcher.DispatchAsync(TicketEventMessage.Serialize(Event(5), "vanished"), 1, default));
        Assert.Contains("'vanished'", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MalformedMessageException>(() => dispatcher.DispatchAsync("""{"handler":"known"}""", 1, default));
        await Assert.ThrowsAsync<MalformedMessageException>(() => dispatcher.DispatchAsync("not json", 1, default));
    }

    [Fact]
    public async Task TwoHandlersWithOneName_AreRefusedAtStart()
    {
        await using var core = await StartAsync(new ScriptedHandler("same"), new ScriptedHandler("same"));

        var ex = Assert.Throws<InvalidOperationException>(() => core.Get<TicketEventDispatcher>());
        Assert.Contains("'same'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProductHandlers_HaveStableNames()
    {
        await using var core = await CoreServices.StartAsync();

        Assert.Equal(["acknowledgment", "sla-clock"], core.Get<TicketEventDispatcher>().HandlerNames.Order(StringComparer.Ordinal));
    }

    internal static TicketEvent Event(int number) => new(
        $"{number}-created", number, TicketEventKind.Created, DateTimeOffset.UtcNow, "marie@example.be",
        new TicketSnapshot(TicketStatus.New, Priority.P1, SupportLevel.L1, "Serveur en panne", "Marie", "marie@example.be", "fr",
            DateTimeOffset.UtcNow, null, null, null, null));

    private static Task<CoreServices> StartAsync(params ITicketEventHandler[] handlers) => CoreServices.StartAsync(services =>
    {
        services.RemoveAll<ITicketEventHandler>();
        foreach (var handler in handlers)
        {
            services.AddSingleton(handler);
        }
    });

    /// <summary>The targeted message becomes visible after the retry delay: wait for it, without a fixed sleep.</summary>
    private static async Task<string> NextMessageAsync(QueueClient queue)
    {
        string? body = null;
        await Poll.UntilAsync(async () => (body = await TryReceiveAsync(queue)) is not null, TimeSpan.FromSeconds(30), "the targeted retry message");
        return body!;
    }

    private static async Task<string?> TryReceiveAsync(QueueClient queue)
    {
        var message = (await queue.ReceiveMessageAsync()).Value;
        if (message is null)
        {
            return null;
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToString();
    }

    private sealed class ScriptedHandler(string name, int failures = 0) : ITicketEventHandler
    {
        private int _failuresLeft = failures;

        public string Name => name;

        public ConcurrentQueue<(string EventId, bool Redelivered)> Calls { get; } = new();

        public Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
        {
            Calls.Enqueue((ticketEvent.EventId, redelivered));
            return Interlocked.Decrement(ref _failuresLeft) >= 0
                ? throw new InvalidOperationException($"{name} fails on purpose.")
                : Task.CompletedTask;
        }
    }
}
