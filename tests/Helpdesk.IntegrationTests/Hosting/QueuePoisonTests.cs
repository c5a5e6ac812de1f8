using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Functions.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>
/// The "permanent failure → poison now, with its reason" rule (Core's <see cref="QueueFailurePolicy"/>) in both hosts:
/// the standalone listener and the Functions trigger write the same <see cref="PoisonMessage"/>.
/// </summary>
public class QueuePoisonTests
{
    [Fact]
    public async Task StandaloneListener_PoisonsAMalformedMessageAtOnce_WithItsReason()
    {
        await using var host = await HelpdeskHost.StartAsync();
        var queue = host.Storage.Queue(TicketQueues.Events);
        var poison = host.Storage.Queue(QueueRules.Poison(TicketQueues.Events));
        var sent = await queue.SendMessageAsync("{\"number\": \"oops\"");

        PoisonMessage? envelope = null;
        await Poll.UntilAsync(async () =>
        {
            var messages = (await poison.PeekMessagesAsync(32)).Value;
            envelope = messages.Length == 0 ? null : PoisonMessage.TryParse(messages[0].Body.ToString());
            return envelope is not null;
        }, TimeSpan.FromSeconds(20), "the malformed message in ticket-events-poison");

        Assert.Equal(("ticket-events", sent.Value.MessageId, 1L, true), (envelope!.Queue, envelope.MessageId, envelope.DequeueCount, envelope.Permanent));
        Assert.Equal(typeof(MalformedMessageException).FullName, envelope.Error);
        Assert.Contains("not a ticket event", envelope.Reason, StringComparison.Ordinal);
        Assert.Equal("{\"number\": \"oops\"", envelope.Message); // the original, byte for byte: replay puts it back
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task FunctionsTrigger_RethrowsATransientFailure_ThenPoisonsItOnTheLastAttempt_WithTheReason()
    {
        await using var core = await CoreServices.StartAsync(s =>
        {
            s.RemoveAll<ITicketEventHandler>();
            s.AddSingleton<ITicketEventHandler, RelayDown>();
        });
        var function = new TicketEventsFunction(core.Get<TicketEventDispatcher>(), core.Get<QueueMessageProcessor>());
        var poison = core.Get<StorageClients>().Queue(QueueRules.Poison(TicketQueues.Events));
        // A handler's own retry message: the dispatcher rethrows its failure (an event for every handler would be
        // fanned out into such messages instead, see TicketEventDispatcher).
        var message = TicketEventMessage.Serialize(NewEvent(), RelayDown.HandlerName);
        // The durable client is bound by DurableClientMiddleware, not used by the function's body.
        Microsoft.DurableTask.Client.DurableTaskClient durableClient = null!;

        for (var attempt = 1; attempt < QueueRules.MaxDequeueCount; attempt++)
        {
            // Thrown, so that the runtime makes the message visible again after host.json's visibilityTimeout.
            await Assert.ThrowsAsync<TimeoutException>(() => function.Run(message, "m-7", attempt, durableClient, default));
        }

        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);

        await function.Run(message, "m-7", QueueRules.MaxDequeueCount, durableClient, default);

        var envelope = PoisonMessage.TryParse(Assert.Single((await poison.PeekMessagesAsync(32)).Value).Body.ToString());
        Assert.NotNull(envelope);
        Assert.Equal(("ticket-events", "m-7", (long)QueueRules.MaxDequeueCount, false), (envelope.Queue, envelope.MessageId, envelope.DequeueCount, envelope.Permanent));
        Assert.Equal((typeof(TimeoutException).FullName, RelayDown.Reason, message), (envelope.Error, envelope.Reason, envelope.Message));
    }

    [Fact]
    public async Task AMessageTooLargeToCarryItsReason_IsPoisonedAsItWas()
    {
        await using var core = await CoreServices.StartAsync();
        var processor = core.Get<QueueMessageProcessor>();
        // Quotes double in JSON: the envelope would not fit in a queue message, the original does.
        var body = new string('"', 40_000);

        var outcome = await processor.ProcessAsync(new QueueMessageInfo(TicketQueues.Events, "m-big", body, 1),
            _ => throw new MalformedMessageException("The ticket-events message is not a ticket event."), default);

        Assert.IsType<QueueMessageOutcome.Poisoned>(outcome);
        var poisoned = Assert.Single((await core.Get<StorageClients>().Queue(QueueRules.Poison(TicketQueues.Events)).PeekMessagesAsync(32)).Value);
        Assert.Equal(body, poisoned.Body.ToString());
    }

    private static TicketEvent NewEvent() => new(
        "evt-" + Guid.NewGuid().ToString("N"), 4242, TicketEventKind.Created, DateTimeOffset.UtcNow, "requester",
        new TicketSnapshot(TicketStatus.New, Priority.P3, SupportLevel.L1, "Écran noir", "Marie Dubois", "marie@example.be", "fr",
            DateTimeOffset.UtcNow, null, null, null, null));

    private sealed class RelayDown : ITicketEventHandler
    {
        public const string Reason = "The mail relay did not answer in 20 s.";
        public const string HandlerName = "relay-down";

        public string Name => HandlerName;

        public Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken) =>
            throw new TimeoutException(Reason);
    }
}
