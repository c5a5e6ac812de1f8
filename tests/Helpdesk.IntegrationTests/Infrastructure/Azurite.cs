using System.Diagnostics;
using System.Text;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// Azurite (from the repository's node_modules, pinned in package.json) on free ports, in memory.
/// <para>Shared: <c>var azurite = await Azurite.StartAsync();</c> (or <c>Azurite.Instance</c>) starts one process for the
/// whole test run on first use; it is killed when the test process exits. Give each test its own table/queue/container names.</para>
/// <para>Private: <c>await using var azurite = await Azurite.StartPrivateAsync(debugLogPath);</c> starts a separate
/// process, optionally with <c>--debug</c> so that <see cref="CountRequestsAsync"/> can count the storage requests it served.</para>
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development storage key (public, documented).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<Azurite>> s_shared = new(() => StartNewAsync(debugLogPath: null), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task<Azurite>> s_taskHubs = new(() => StartNewAsync(debugLogPath: null), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _stopped;

    private Azurite(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort, string? debugLogPath)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        DebugLogPath = debugLogPath;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The shared instance, started on first use (blocks the caller while it starts; prefer <see cref="StartAsync"/>).</summary>
    public static Azurite Instance => s_shared.Value.ConfigureAwait(false).GetAwaiter().GetResult();

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The <c>--debug</c> log of a private instance, or null.</summary>
    public string? DebugLogPath { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A full connection string (works with Azure.Data.Tables, Azure.Storage.*, Durable Task AzureStorage).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Starts the shared instance once (thread-safe) and returns it.</summary>
    public static Task<Azurite> StartAsync() => s_shared.Value;

    /// <summary>
    /// The shared instance of Durable task hubs, a second process as the task hub has its own account in production
    /// (the <c>DurableStorage</c> connection); started once on first use. Give each host its own hub name.
    /// </summary>
    public static Task<Azurite> StartTaskHubsAsync() => s_taskHubs.Value;

    /// <summary>
    /// Starts a separate instance owned by the caller (dispose it). With <paramref name="debugLogPath"/>, Azurite logs every request there.
    /// </summary>
    public static Task<Azurite> StartPrivateAsync(string? debugLogPath = null) => StartNewAsync(debugLogPath);

    /// <summary>
    /// Requests in the debug log (one <c>RequestMethod=... RequestURL=...</c> line each), optionally only those whose URL
    /// contains <paramref name="urlContains"/>. Azurite writes the log asynchronously, so this waits until the count has
    /// not changed for <paramref name="settle"/> (default 300 ms, at most 10 s in all) before answering.
    /// </summary>
    public async Task<int> CountRequestsAsync(string? urlContains = null, TimeSpan? settle = null)
    {
        var quiet = settle ?? TimeSpan.FromMilliseconds(300);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var count = CountLoggedRequests(urlContains);
        var stableSince = elapsed.Elapsed;
        while (elapsed.Elapsed - stableSince < quiet && elapsed.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50).ConfigureAwait(false);
            var now = CountLoggedRequests(urlContains);
            if (now != count)
            {
                count = now;
                stableSince = elapsed.Elapsed;
            }
        }

        return count;
    }

    private int CountLoggedRequests(string? urlContains)
    {
        if (DebugLogPath is null)
        {
            throw new InvalidOperationException("Request counting needs an instance started with StartPrivateAsync(debugLogPath).");
        }

        if (!File.Exists(DebugLogPath))
        {
            return 0;
        }

        using var stream = new FileStream(DebugLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var at = line.IndexOf("RequestURL=", StringComparison.Ordinal);
            if (at >= 0 && line.Contains("RequestMethod=", StringComparison.Ordinal)
                && (urlContains is null || line.IndexOf(urlContains, at, StringComparison.Ordinal) >= 0))
            {
                count++;
            }
        }

        return count;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        return ValueTask.CompletedTask;
    }

    private static async Task<Azurite> StartNewAsync(string? debugLogPath)
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({azurite} is missing). Run `npm ci` in {RepoPaths.Root} (./scripts/test.sh does it).");
        }

        // A free port can be taken by someone else between reservation and Azurite's bind: try again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(azurite, debugLogPath).ConfigureAwait(false);
            }
            catch (AzuriteStartException ex) when (attempt < 3 && ex.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<Azurite> StartOnFreePortsAsync(string azurite, string? debugLogPath)
    {
        var ports = FreePorts.Reserve(3);
        string[] arguments =
        [
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", ports[0].ToString(), "--queuePort", ports[1].ToString(), "--tablePort", ports[2].ToString(),
            .. debugLogPath is null ? Array.Empty<string>() : ["--debug", Path.GetFullPath(debugLogPath)],
        ];

        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo(azurite)
            : new ProcessStartInfo("bash") { ArgumentList = { "-c", Watchdog, "azurite-watchdog", Environment.ProcessId.ToString(), azurite } };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = RepoPaths.Root;
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new Azurite(process, output, ports[0], ports[1], ports[2], debugLogPath);
        try
        {
            await FreePorts.WaitUntilListeningAsync(
                ports,
                s_startTimeout,
                () => process.HasExited ? $"Azurite exited with code {process.ExitCode} before listening." : null).ConfigureAwait(false);
            return instance;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw new AzuriteStartException($"{ex.Message} Command: {azurite} {string.Join(' ', arguments)}\nAzurite output:\n{instance.Output}", instance.Output, ex);
        }
    }

    /// <summary>
    /// Runs Azurite as a child of a small bash loop that kills it when the test process disappears,
    /// so a crashed or killed test run does not leave Azurite behind on the machine.
    /// </summary>
    private const string Watchdog = """
        parent="$1"; shift
        "$@" &
        child=$!
        trap 'kill "$child" 2>/dev/null' TERM INT
        while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        kill "$child" 2>/dev/null
        for _ in 1 2 3 4 5; do kill -0 "$child" 2>/dev/null || break; sleep 1; done
        kill -KILL "$child" 2>/dev/null
        wait "$child"
        """;

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            // The watchdog shell can be reaped before the killed node process has closed its sockets:
            // return only once the ports are free, so that callers can rely on "disposed = not listening".
            // Dispose is synchronous: a short blocking poll of the ports, on a monotonic clock.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (new[] { BlobPort, QueuePort, TablePort }.Any(IsListening) && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(50);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}

public sealed class AzuriteStartException(string message, string output, Exception inner) : Exception(message, inner)
{
    public string Output { get; } = output;
}
