using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace Helpdesk.Functions.Durable;

/// <summary>
/// Binds the durable client to <see cref="BoundOrchestrationClient"/> (the <c>IOrchestrationClient</c> port in DI) for
/// every invocation of a function that declares a <c>[DurableClient]</c> input, so that no function body has to: a
/// function that can reach the port only declares <c>[DurableClient] DurableTaskClient durableClient</c>. Whether each
/// function that can reach the port declares one is checked by a test over the app's DI graph
/// (tests/Helpdesk.IntegrationTests/Functions/DurableClientBindingTests.cs).
/// </summary>
public sealed class DurableClientMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The binding type of <c>[DurableClient]</c> in functions.metadata.</summary>
    public const string BindingType = "durableClient";

    private readonly Func<FunctionContext, BindingMetadata, ValueTask<DurableTaskClient?>> _bind;

    /// <summary>Binds through the worker's own input conversion (the same binding the function's parameter gets, cached per invocation).</summary>
    public DurableClientMiddleware()
        : this(static async (context, binding) => (await context.BindInputAsync<DurableTaskClient>(binding)).Value)
    {
    }

    /// <summary>For tests, which have no Functions host to hand out clients.</summary>
    internal DurableClientMiddleware(Func<FunctionContext, BindingMetadata, ValueTask<DurableTaskClient?>> bind) => _bind = bind;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var binding = context.FunctionDefinition.InputBindings.Values
            .FirstOrDefault(b => string.Equals(b.Type, BindingType, StringComparison.OrdinalIgnoreCase));
        if (binding is null)
        {
            await next(context);
            return;
        }

        var client = await _bind(context, binding)
                     ?? throw new InvalidOperationException($"Function {context.FunctionDefinition.Name} declares a durable client, but the worker bound none.");
        using (BoundOrchestrationClient.Bind(client))
        {
            await next(context);
        }
    }
}
