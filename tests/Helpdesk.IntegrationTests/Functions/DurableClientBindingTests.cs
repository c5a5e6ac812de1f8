using System.Reflection;
using Helpdesk.Core.Durable;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Functions;

/// <summary>
/// The durable client port of the Functions app is bound per invocation by <see cref="DurableClientMiddleware"/> for
/// functions that declare <c>[DurableClient]</c>; forgetting the declaration on a function that can reach the port
/// fails here, long before an SLA timer silently never starts in Azure.
/// </summary>
public class DurableClientBindingTests
{
    [Fact]
    public void EveryFunctionThatCanReachTheOrchestrationClient_DeclaresADurableClient()
    {
        IServiceCollection? services = null;
        using var host = Helpdesk.Functions.Program.Create([], b =>
        {
            b.Configuration["Helpdesk:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
            b.Configuration["Helpdesk:Signing:Key"] = HelpdeskHost.SigningKey;
            services = b.Services;
        });
        var graph = new ServiceGraph(services!, host.Services);

        var reaching = new List<string>();
        var missing = new List<string>();
        foreach (var functionClass in typeof(Helpdesk.Functions.Program).Assembly.GetTypes().Where(t => FunctionsOf(t).Any()))
        {
            if (graph.PathTo(functionClass, typeof(IOrchestrationClient)) is not { } path)
            {
                continue;
            }

            reaching.Add(functionClass.Name);
            missing.AddRange(FunctionsOf(functionClass)
                .Where(m => !m.GetParameters().Any(p => p.GetCustomAttribute<DurableClientAttribute>() is not null && p.ParameterType == typeof(DurableTaskClient)))
                .Select(m => $"{m.GetCustomAttribute<FunctionAttribute>()!.Name} ({functionClass.Name}.{m.Name}) reaches {string.Join(" → ", path)} " +
                             "but declares no [DurableClient] DurableTaskClient parameter"));
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        // The analysis sees through Core's registrations: the two known users of the port are found.
        Assert.Contains("TicketEventsFunction", reaching);
        Assert.Contains("SlaReconcileFunction", reaching);
    }

    [Fact]
    public void TheFormPostPath_NeverReachesTheTaskHub()
    {
        // A requester's POST /api/tickets stores the ticket and enqueues its "created" event; the SLA timer starts
        // from that queue. If intake could reach the orchestration client, a slow or saturated task hub would make the
        // requester wait (docs/performance.md): both hosts call the same IntakeHandler, so checking it covers both.
        IServiceCollection? services = null;
        using var host = Helpdesk.Functions.Program.Create([], b =>
        {
            b.Configuration["Helpdesk:Storage:ConnectionString"] = "UseDevelopmentStorage=true";
            b.Configuration["Helpdesk:Signing:Key"] = HelpdeskHost.SigningKey;
            services = b.Services;
        });
        var graph = new ServiceGraph(services!, host.Services);

        Assert.Null(graph.PathTo(typeof(Helpdesk.Core.Intake.IntakeHandler), typeof(IOrchestrationClient)));
        Assert.Null(graph.PathTo(typeof(Helpdesk.Functions.Intake.IntakeFunctions), typeof(IOrchestrationClient)));
        // The analysis can see the port where it is used: the ticket-events consumer reaches it.
        Assert.NotNull(graph.PathTo(typeof(Helpdesk.Functions.Tickets.TicketEventsFunction), typeof(IOrchestrationClient)));
    }

    [Fact]
    public async Task Middleware_BindsThePort_ForTheInvocationOfAFunctionThatDeclaresADurableClient()
    {
        await using var durable = await StartInMemoryDurableAsync();
        var bound = new List<string>();
        var middleware = new DurableClientMiddleware((_, binding) =>
        {
            bound.Add(binding.Name);
            return ValueTask.FromResult<DurableTaskClient?>(durable.Client);
        });
        var port = new BoundOrchestrationClient();
        var context = new TestFunctionContext("TicketEvents", [("message", "queueTrigger"), ("durableClient", DurableClientMiddleware.BindingType)]);

        OrchestrationInfo? seen = new("not", "called", DurableRuntimeStatus.Running, default, default);
        await middleware.Invoke(context, async _ => seen = await port.GetAsync("sla-0000000001", default));

        Assert.Equal(["durableClient"], bound);
        Assert.Null(seen); // answered by the bound client: no such instance
        // Bound for that invocation only.
        await Assert.ThrowsAsync<InvalidOperationException>(() => port.GetAsync("sla-0000000001", default));
    }

    [Fact]
    public async Task Middleware_BindsNothing_ForAFunctionWithoutADurableClient_AndThePortSaysWhatIsMissing()
    {
        var middleware = new DurableClientMiddleware((_, _) => throw new InvalidOperationException("bound although not declared"));
        var port = new BoundOrchestrationClient();
        var context = new TestFunctionContext("Form", [("request", "httpTrigger")]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context, _ => port.GetAsync("sla-0000000001", default)));

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The in-memory durable host on a free port; another process may take the port first, so try again.</summary>
    private static async Task<DurableTaskTestHost> StartInMemoryDurableAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePorts.Reserve(1)[0] });
            }
            catch (IOException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another free port on the next attempt.
            }
        }
    }

    private static IEnumerable<MethodInfo> FunctionsOf(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);
}
