using System.Diagnostics;
using System.Text;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// The standalone host as a real operating-system process (the built Helpdesk.Standalone.dll), for tests that must
/// kill it hard (SIGKILL, as <c>kill -9</c>) and start it again on the same storage.
/// </summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StandaloneProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<StandaloneProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings)
    {
        var dll = RepoPaths.BuildOutput("Helpdesk.Standalone", "Helpdesk.Standalone.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build functions/Helpdesk.Standalone ({RepoPaths.Configuration}) first.", dll);
        }

        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        // Tests post many tickets from 127.0.0.1: raise the public routes' abuse limits unless the test sets them.
        info.Environment["Helpdesk__RateLimits__TicketPosts"] = "100000";
        info.Environment["Helpdesk__RateLimits__FormGets"] = "100000";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new StandaloneProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePorts.WaitUntilListeningAsync([port], TimeSpan.FromSeconds(60),
            () => process.HasExited ? $"the host exited with {process.ExitCode}:\n{host.Output}" : null);
        return host;
    }

    /// <summary>SIGKILL: no graceful shutdown, leases and in-flight work are left as a crash leaves them.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
