using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Benchmarks;

/// <summary>
/// A private Azurite (the repository's pinned one, from node_modules/.bin) on free loopback ports, in memory or on disk, with
/// <c>--debug</c> so that <see cref="RequestLog"/> can count the requests it served.
/// </summary>
public sealed class Azurite : IDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development storage key (public, documented).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(ChildProcess process, int[] ports, string? debugLogPath)
    {
        Process = process;
        BlobPort = ports[0];
        QueuePort = ports[1];
        TablePort = ports[2];
        DebugLogPath = debugLogPath;
    }

    public ChildProcess Process { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    /// <summary>The <c>--debug</c> log, or null when started without it (no request counts, less Azurite CPU).</summary>
    public string? DebugLogPath { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <param name="location">
    /// Null: in memory. Otherwise the folder Azurite keeps its data in, as <c>./scripts/run.sh</c> does. In memory, its
    /// queue GC pauses the emulator for seconds once a minute under the task hub's traffic (docs/performance.md §7).
    /// </param>
    public static async Task<Azurite> StartAsync(string repoRoot, string? debugLogPath, string? location = null)
    {
        var azurite = Path.Combine(repoRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run `npm ci` in {repoRoot}.");
        }

        var ports = FreePorts(3);
        string[] arguments =
        [
            .. location is null ? ["--inMemoryPersistence"] : new[] { "--location", location },
            "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(ports[0]), "--queuePort", Port(ports[1]), "--tablePort", Port(ports[2]),
            .. debugLogPath is null ? Array.Empty<string>() : ["--debug", Path.GetFullPath(debugLogPath)],
        ];
        var process = await ChildProcess.StartAsync(azurite, arguments, repoRoot);
        try
        {
            await process.WaitUntilListeningAsync(ports, TimeSpan.FromSeconds(60));
            if (process.HasExited)
            {
                throw new InvalidOperationException("Azurite exited before listening:\n" + process.Output);
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new Azurite(process, ports, debugLogPath);
    }

    public void Dispose() => Process.Dispose();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ports the OS reports free now (all listeners open at once, so distinct).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
