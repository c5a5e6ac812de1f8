using System.Text.Json;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Intake;
using Helpdesk.Functions.Intake;
using Helpdesk.Functions.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Functions;

/// <summary>
/// The Functions app's function classes, called directly (no Functions host can run here): each hands the request to
/// Core and returns its result, which these tests execute against a DefaultHttpContext.
/// </summary>
public class FunctionAdapterTests
{
    [Fact]
    public async Task Form_ReturnsTheFrenchFormByDefault()
    {
        await using var core = await CoreServices.StartAsync();
        var functions = new IntakeFunctions(core.Get<IntakeHandler>());
        var context = FunctionRequests.New("GET", "/api/form");

        await functions.Form(context.Request).ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Contains("Signaler un problème informatique", FunctionRequests.Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateThenGetAndAct_ThroughTheFunctionClasses()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = new IntakeFunctions(core.Get<IntakeHandler>());
        var technicians = new TicketFunctions(core.Get<TicketHandler>(), new Helpdesk.Functions.Technicians.TechnicianAccess(core.Get<Helpdesk.Core.Technicians.SignedInPeople>()));

        var create = FunctionRequests.New("POST", "/api/tickets",
            """{"name":"Jan","email":"jan@example.be","subject":"VPN","description":"Geen verbinding","category":"network","impact":"team","canWork":"no"}""");
        await (await intake.CreateTicket(create.Request, default)).ExecuteAsync(create);
        Assert.Equal(201, create.Response.StatusCode);
        var number = JsonDocument.Parse(FunctionRequests.Body(create)).RootElement.GetProperty("number").GetInt32();
        Assert.EndsWith($"/api/tickets/{number}", create.Response.Headers.Location.ToString(), StringComparison.Ordinal);

        var act = FunctionRequests.New("POST", $"/api/tickets/{number}/acknowledge", """{"actor":"alice"}""");
        await (await technicians.TicketAction(act.Request, number.ToString(System.Globalization.CultureInfo.InvariantCulture), "acknowledge", default)).ExecuteAsync(act);
        Assert.Equal(200, act.Response.StatusCode);

        var get = FunctionRequests.New("GET", $"/api/tickets/{number}");
        await (await technicians.GetTicket(get.Request, number.ToString(System.Globalization.CultureInfo.InvariantCulture), default)).ExecuteAsync(get);
        var ticket = JsonDocument.Parse(FunctionRequests.Body(get)).RootElement;
        Assert.Equal("in-progress", ticket.GetProperty("status").GetString());
        Assert.Equal(["created", "acknowledged"], ticket.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        var again = FunctionRequests.New("POST", $"/api/tickets/{number}/acknowledge", """{"actor":"bob"}""");
        await (await technicians.TicketAction(again.Request, number.ToString(System.Globalization.CultureInfo.InvariantCulture), "acknowledge", default)).ExecuteAsync(again);
        Assert.Equal(409, again.Response.StatusCode);
    }

    [Fact]
    public async Task TicketEvents_Function_PoisonsGarbageItself_WithTheReason_AndCompletes()
    {
        await using var core = await CoreServices.StartAsync();
        var function = new TicketEventsFunction(core.Get<TicketEventDispatcher>(), core.Get<QueueMessageProcessor>());
        // The durable client is bound by DurableClientMiddleware, not used by the function's body.
        Microsoft.DurableTask.Client.DurableTaskClient durableClient = null!;

        await function.Run("not json", "message-1", 1, durableClient, default); // completes: the runtime deletes it

        var poisoned = (await core.Get<StorageClients>().Queue(QueueRules.Poison(TicketQueues.Events)).ReceiveMessagesAsync(32)).Value;
        var envelope = PoisonMessage.TryParse(Assert.Single(poisoned).Body.ToString());
        Assert.NotNull(envelope);
        Assert.Equal(("ticket-events", "message-1", 1L, true, "not json"), (envelope.Queue, envelope.MessageId, envelope.DequeueCount, envelope.Permanent, envelope.Message));
        Assert.Contains("not a ticket event", envelope.Reason, StringComparison.Ordinal);
    }
}
