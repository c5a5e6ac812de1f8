using DurableTask.AzureStorage;
using DurableTask.Core;
using Helpdesk.Core.Durable;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Helpdesk.Standalone.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Durable;

/// <summary>
/// Runs every <see cref="DurableCatalog"/> entry on the Durable Task Framework's <see cref="TaskHubWorker"/> over
/// <see cref="AzureStorageOrchestrationService"/> (the engine and backend Durable Functions itself uses). Orchestrations
/// and activities are adapted with durabletask-dotnet's <see cref="DurableTaskShimFactory"/>, so Core code written
/// against <c>TaskOrchestrationContext</c> runs unchanged.
/// </summary>
/// <remarks>
/// Start creates the task hub (queues, tables, containers) if needed and starts the dispatchers; stop is graceful:
/// in-flight work items finish and partition leases are released, so another engine on the same hub picks them up at once.
/// One engine object runs once (start, stop); create a new one to run again.
/// </remarks>
public sealed class DurableEngine : IHostedService, IAsyncDisposable
{
    private readonly DurableCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly DurableEngineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskHubWorker? _worker;
    private bool _used;

    /// <summary>Creates the engine; nothing touches storage until <see cref="StartAsync"/>.</summary>
    public DurableEngine(DurableCatalog catalog, IServiceProvider services, IOptions<DurableEngineOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _services = services;
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableEngine>();
    }

    /// <summary>True between a successful start and the stop.</summary>
    public bool IsRunning => _worker is not null;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_used)
            {
                throw new InvalidOperationException("A DurableEngine runs once; create a new instance to start again.");
            }

            _used = true;
            var settings = DurableStorage.CreateSettings(_options, _loggerFactory);
            var service = new AzureStorageOrchestrationService(settings);
            await service.CreateIfNotExistsAsync();
            if (!_options.RunEngine)
            {
                // The hub exists, so starts and events from this process's client are queued for an engine elsewhere.
                HostLog.DurableEngineNotRun(_logger, settings.TaskHubName);
                return;
            }

            var worker = new TaskHubWorker(service, _loggerFactory)
            {
                // What the durabletask-dotnet shims expect (TaskFailedException.FailureDetails), as in its gRPC worker.
                ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
            };
            var registrar = new ShimRegistrar(CreateShimFactory(_loggerFactory), _services);
            _catalog.Accept(registrar);
            worker.AddTaskOrchestrations([.. registrar.Orchestrations]);
            worker.AddTaskActivities([.. registrar.Activities]);

            cancellationToken.ThrowIfCancellationRequested();
            await worker.StartAsync();
            _worker = worker;
            _logger.LogInformation(
                "Durable engine started on task hub {HubName}: {Orchestrations} orchestrations, {Activities} activities, polling <= {Polling}.",
                settings.TaskHubName, registrar.Orchestrations.Count, registrar.Activities.Count, settings.MaxQueuePollingInterval);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var worker = _worker;
            if (worker is null)
            {
                return;
            }

            _worker = null;
            // Graceful: dispatchers drain, then the orchestration service stops and releases its partition leases.
            await worker.StopAsync(isForced: false);
            worker.Dispose();
            _logger.LogInformation("Durable engine stopped.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // DI may dispose this twice (registered as itself and as a hosted service through a factory).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _gate.Dispose();
    }

    private int _disposed;

    /// <summary>The shim factory with the shared JSON options (same as <see cref="SystemTextJsonDataConverter"/>).</summary>
    internal static DurableTaskShimFactory CreateShimFactory(ILoggerFactory loggerFactory) =>
        new(new DurableTaskWorkerOptions { DataConverter = new JsonDataConverter(DurableJson.Options) }, loggerFactory);

    /// <summary>
    /// Turns catalog entries into DTFx object creators. A new shim is created for every work item: a
    /// <c>TaskOrchestrationShim</c> keeps per-execution state, so the single-instance <c>NameValueObjectCreator</c>
    /// (which hands out the same object every time) must not be used for orchestrations.
    /// </summary>
    private sealed class ShimRegistrar(DurableTaskShimFactory factory, IServiceProvider services) : IDurableCatalogVisitor
    {
        public List<ObjectCreator<TaskOrchestration>> Orchestrations { get; } = [];

        public List<ObjectCreator<TaskActivity>> Activities { get; } = [];

        public void VisitOrchestration<TIn, TOut>(DurableOrchestrationDefinition<TIn, TOut> orchestration)
        {
            var run = orchestration.Run;
            Orchestrations.Add(new FactoryObjectCreator<TaskOrchestration>(
                orchestration.Name,
                () => factory.CreateOrchestration<TIn, TOut>(orchestration.Name, async (context, input) => await run(context, input!))));
        }

        public void VisitActivity<TIn, TOut>(DurableActivityDefinition<TIn, TOut> activity) =>
            Activities.Add(new FactoryObjectCreator<TaskActivity>(
                activity.Name,
                () => factory.CreateActivity<TIn, TOut>(
                    activity.Name,
                    async (_, input) => await activity.RunInNewScopeAsync(services, input!, CancellationToken.None))));
    }

    /// <summary>An <see cref="ObjectCreator{T}"/> that calls a factory for every work item (version "").</summary>
    private sealed class FactoryObjectCreator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public FactoryObjectCreator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
