using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Functions;

/// <summary>
/// A function invocation as the worker hands it to middleware, without a Functions host: its name, its bindings
/// (as functions.metadata lists them) and, for an HTTP function, the HttpContext the ASP.NET Core integration puts
/// in <see cref="FunctionContext.Items"/>.
/// </summary>
internal sealed class TestFunctionContext : FunctionContext
{
    /// <summary>The key under which the ASP.NET Core integration keeps the request (its <c>GetHttpContext()</c> reads it).</summary>
    private const string HttpContextKey = "HttpRequestContext";

    public TestFunctionContext(string name, IEnumerable<(string Name, string Type)> inputBindings, HttpContext? http = null)
    {
        FunctionDefinition = new Definition(name, inputBindings.ToImmutableDictionary(b => b.Name, b => (BindingMetadata)new Binding(b.Name, b.Type)));
        if (http is not null)
        {
            Items[HttpContextKey] = http;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionDefinition.Id;
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection().BuildServiceProvider();
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class Definition(string name, IImmutableDictionary<string, BindingMetadata> inputs) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(Helpdesk.Functions.Program).Assembly.Location;
        public override string EntryPoint => name;
        public override string Id => name;
        public override string Name => name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => inputs;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Binding(string name, string type) : BindingMetadata
    {
        public override string Name => name;
        public override string Type => type;
        public override BindingDirection Direction => BindingDirection.In;
    }
}
